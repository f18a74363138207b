"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import adminStyles from "@/components/admin/admin.module.css";
import type { ImportReport } from "@/lib/open-data/import";
import styles from "./import.module.css";

/** The outcome of a check or an import: counts, then every listed problem with its line and column. */
export function ImportReportView({ report, children }: { report: ImportReport; children?: ReactNode }) {
  const t = useTranslations("import");
  const { counts } = report;
  const hasProblems = report.problemCount > 0;
  const nothingToDo = !hasProblems && counts.new + counts.updated === 0;
  return (
    <section className={styles.report} aria-labelledby="import-report-heading">
      <h2 id="import-report-heading">{t("reportHeading")}</h2>
      <p>{t("summary", { rows: counts.rows, new: counts.new, updated: counts.updated, unchanged: counts.unchanged, errors: counts.errors })}</p>
      {report.committed ? (
        <p role="status" className={adminStyles.success}>
          {report.kind === "plan" ? t("successPlan", { count: counts.updated }) : t("successUpdates", { count: counts.new })}
        </p>
      ) : null}
      {nothingToDo ? <p>{report.mode === "commit" ? t("successNothing") : t("nothingToImport")}</p> : null}
      {hasProblems ? (
        <>
          <p className={adminStyles.failure}>{t("notWritten")}</p>
          {report.problemCount > report.problems.length ? <p>{t("problemsTruncated", { shown: report.problems.length, total: report.problemCount })}</p> : null}
          <div className={adminStyles.tableWrap}>
            <table className="data-table">
              <caption>{t("problemsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("line")}</th>
                  <th scope="col">{t("column")}</th>
                  <th scope="col">{t("message")}</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((p, i) => (
                  <tr key={`${p.line}-${p.column}-${p.code}-${i}`}>
                    <td>{p.line ?? t("noLine")}</td>
                    <td>{p.column ?? t("noLine")}</td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p>{t("noProblems")}</p>
      )}
      {children ? <div className={styles.actions}>{children}</div> : null}
    </section>
  );
}
