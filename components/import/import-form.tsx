"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import adminStyles from "@/components/admin/admin.module.css";
import { buttonClass, controlClass, secondaryButtonClass } from "@/components/ui/field";
import type { ImportKind, ImportMode, ImportReport } from "@/lib/open-data/import";
import { ImportReportView } from "./import-report";
import styles from "./import.module.css";

type Progress = { phase: "upload"; percent: number } | { phase: "check" | "write"; rows: number };

type StreamLine = { type: "progress"; phase: "check" | "write"; rows: number } | ImportReport | { type: "error"; message: string };

/**
 * Sends the file to /api/imports with XMLHttpRequest, the one browser API
 * that reports upload progress, and reads the server's NDJSON progress lines
 * as they arrive. A commit re-sends the very file that was checked.
 */
export function ImportForm({ canImportPlan, maxBytes }: { canImportPlan: boolean; maxBytes: number }) {
  const t = useTranslations("import");
  const fileRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<ImportKind>("updates");
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [estimate, setEstimate] = useState(0);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  function reset() {
    setReport(null);
    setError(null);
    setProgress(null);
  }

  async function send(mode: ImportMode) {
    const file = fileRef.current?.files?.[0];
    reset();
    if (!file) {
      setError(t("chooseFile"));
      fileRef.current?.focus();
      return;
    }
    if (file.size > maxBytes) {
      setError(t("tooLarge", { megabytes: maxBytes / (1024 * 1024) }));
      return;
    }
    // An upper bound (quoted line breaks count too), good enough for the bar's length.
    setEstimate(Math.max(1, (await file.text()).split("\n").filter((l) => l.trim() !== "").length - 1));
    setBusy(true);
    setProgress({ phase: "upload", percent: 0 });
    const form = new FormData();
    form.append("kind", kind);
    form.append("mode", mode);
    form.append("file", file);
    const xhr = new XMLHttpRequest();
    let read = 0;
    const consume = (final: boolean) => {
      const text = xhr.responseText;
      const end = final ? text.length : text.lastIndexOf("\n") + 1;
      if (end <= read) return;
      for (const raw of text.slice(read, end).split("\n")) {
        if (!raw.trim()) continue;
        const line = JSON.parse(raw) as StreamLine;
        if (line.type === "progress") setProgress({ phase: line.phase, rows: line.rows });
        else if (line.type === "report") setReport(line);
        else setError(line.message);
      }
      read = end;
    };
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress({ phase: "upload", percent: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.onprogress = () => {
      if (xhr.status === 200) consume(false);
    };
    xhr.onload = () => {
      setBusy(false);
      setProgress(null);
      if (xhr.status === 200) {
        try {
          consume(true);
        } catch {
          setError(t("failed"));
        }
        return;
      }
      try {
        setError((JSON.parse(xhr.responseText) as { message?: string }).message ?? t("failed"));
      } catch {
        setError(t("failed"));
      }
    };
    xhr.onerror = () => {
      setBusy(false);
      setProgress(null);
      setError(t("failed"));
    };
    xhr.open("POST", "/api/imports");
    xhr.send(form);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void send("dry-run");
  }

  const toImport = report ? report.counts.new + report.counts.updated : 0;
  const canCommit = !busy && report?.mode === "dry-run" && report.problemCount === 0 && toImport > 0;

  return (
    <>
      <form onSubmit={onSubmit} noValidate className={adminStyles.form} aria-label={t("formLabel")}>
        <div className={styles.field}>
          <label htmlFor="import-file" className={styles.label}>
            {t("file")}
          </label>
          <p id="import-file-hint" className={adminStyles.hint}>
            {t("fileHint")}
          </p>
          <input
            ref={fileRef}
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={error ? "import-file-hint import-error" : "import-file-hint"}
            aria-invalid={error ? true : undefined}
            className={controlClass}
            onChange={reset}
            disabled={busy}
          />
        </div>
        {canImportPlan ? (
          <fieldset className={`${adminStyles.fieldset} ${styles.choices}`}>
            <legend>{t("kind")}</legend>
            {(["updates", "plan"] as const).map((k) => (
              <label key={k} className={adminStyles.check}>
                <input
                  type="radio"
                  name="kind"
                  value={k}
                  checked={kind === k}
                  disabled={busy}
                  onChange={() => {
                    setKind(k);
                    reset();
                  }}
                />
                {k === "updates" ? t("kindUpdates") : t("kindPlan")}
              </label>
            ))}
          </fieldset>
        ) : null}
        <div>
          <button type="submit" className={report ? secondaryButtonClass : buttonClass} disabled={busy} aria-disabled={busy}>
            {t("check")}
          </button>
        </div>
      </form>

      <div aria-live="polite" className={styles.status}>
        {progress ? (
          <p className={styles.progress}>
            <label htmlFor="import-progress">
              {progress.phase === "upload"
                ? t("uploading", { percent: progress.percent })
                : t(progress.phase === "write" ? "committing" : "checking", { rows: progress.rows, total: Math.max(estimate, progress.rows) })}
            </label>
            <progress
              id="import-progress"
              max={progress.phase === "upload" ? 100 : Math.max(estimate, progress.rows)}
              value={progress.phase === "upload" ? progress.percent : progress.rows}
            />
          </p>
        ) : null}
        {error ? (
          <p id="import-error" role="alert" className={adminStyles.failure}>
            {error}
          </p>
        ) : null}
      </div>

      {report ? (
        <ImportReportView report={report}>
          {canCommit ? (
            <button type="button" className={buttonClass} onClick={() => void send("commit")}>
              {t("commit", { count: toImport })}
            </button>
          ) : null}
        </ImportReportView>
      ) : null}
    </>
  );
}
