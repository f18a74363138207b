"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { controlClass, describedBy, Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, FormState } from "@/lib/action-result";
import { correctUpdateAction } from "@/lib/actions/progress";
import { toFieldErrors } from "@/lib/validation/fields";
import { progressUpdateSchema } from "@/lib/validation/progress";
import { PROGRESS_STATUSES, type CorrectionKind, type ProgressStatus } from "@/lib/vocabulary";
import styles from "./admin.module.css";
import { FieldError } from "./field-error";
import { fieldErrors, useFormSubmit } from "./use-form-submit";

export type CorrectionOriginal = {
  id: number;
  actionCode: string;
  status: ProgressStatus;
  percent: number;
  narrative: string;
  evidenceLinks: string[];
  occurredOn: string;
};

type Outcome = FormState<{ actionCode: string; replacementId: number | null }>;

const REPLACEMENT_FIELDS = ["actionCode", "status", "percent", "narrative", "evidenceLinks", "occurredOn"];

/**
 * The server reports every problem with the replacement under one key,
 * "replacement". Re-reading the same fields with the same schema here
 * tells which field each message belongs to, so it can sit next to it.
 */
function attachReplacementErrors(result: ActionResult<{ actionCode: string; replacementId: number | null }>, data: FormData): Outcome {
  if (result.ok || !result.fieldErrors?.replacement) return result;
  const fields = Object.fromEntries([...data.entries()].filter(([key]) => REPLACEMENT_FIELDS.includes(key)));
  const parsed = progressUpdateSchema.safeParse(fields);
  if (parsed.success) return result;
  const rest = Object.fromEntries(Object.entries(result.fieldErrors).filter(([key]) => key !== "replacement"));
  return { ...result, fieldErrors: { ...rest, ...toFieldErrors(parsed.error) } };
}

async function correct(_previous: Outcome, data: FormData): Promise<Outcome> {
  return attachReplacementErrors(await correctUpdateAction(null, data), data);
}

async function retract(_previous: Outcome, data: FormData): Promise<Outcome> {
  return correctUpdateAction(null, data);
}

const hidden = (chunks: ReactNode) => <span className="visually-hidden">{chunks}</span>;

/**
 * Mounts its content when first opened, then keeps it. Each article then
 * holds only the form someone chose (so "Public reason" names one field),
 * a long list stays light, and text typed before closing is still there.
 * The forms need JavaScript to submit anyway.
 */
function Disclosure({ summary, children }: { summary: string; children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className={styles.disclosure} onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened ? children : null}
    </details>
  );
}

/** A failure, with the generic "already reviewed" text replaced by one that fits a correction. */
function Failure({ state }: { state: Outcome }) {
  const t = useTranslations("admin.corrections");
  if (state && !state.ok && state.error === "state") {
    return (
      <div aria-live="polite" aria-atomic="true">
        <p className={styles.failure}>{t("alreadyDone")}</p>
      </div>
    );
  }
  return <FormStatus state={state?.ok ? null : state} />;
}

/**
 * One published update with its two ways out: retract, or correct with a
 * replacement. The component stays mounted when the page refreshes after
 * a success, so the outcome is still shown (and focused) once the forms
 * give way to the "Corrected"/"Retracted" badge.
 */
export function CorrectionItem({
  original,
  heading,
  context,
  details,
  correction,
}: {
  original: CorrectionOriginal;
  heading: string;
  /** Names the update for assistive technology, e.g. "the A1 update published 3 May 2025", so each button is distinct out of context. */
  context: string;
  details: ReactNode;
  correction: { kind: CorrectionKind; reason: string } | null;
}) {
  const t = useTranslations("admin.corrections");
  const tProgress = useTranslations("admin.progress");
  const tStatus = useTranslations("status");
  const { state: retractState, formRef: retractRef, onSubmit: onRetract } = useFormSubmit(retract);
  const { state: correctState, formRef: correctRef, onSubmit: onCorrect } = useFormSubmit(correct);
  const doneRef = useRef<HTMLDivElement>(null);
  const done = correctState?.ok ? "correctedDone" : retractState?.ok ? "retractedDone" : null;

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const p = `c${original.id}`;
  const retractErrors = (field: string) => fieldErrors(retractState, field);
  const errors = (field: string) => fieldErrors(correctState, field);
  // Problems that belong to no visible field: the hidden action code, or a replacement error the schema here did not reproduce.
  const groupErrors = [...(errors("actionCode") ?? []), ...(errors("replacement") ?? [])];

  return (
    <article id={`correction-${original.id}`} aria-labelledby={`${p}-title`} className={styles.card}>
      <h2 id={`${p}-title`} className={styles.cardTitle}>
        {heading}
      </h2>
      {details}
      {correction ? (
        <p className={styles.correctionNote}>
          <Badge tone={correction.kind === "retracted" ? "danger" : "warning"}>{t(correction.kind)}</Badge>{" "}
          <strong>{t("reasonShown")}</strong> <span className={styles.narrative}>{correction.reason}</span>
        </p>
      ) : (
        <div className={styles.corrections}>
          <Disclosure summary={t("retractSummary")}>
            <form ref={retractRef} onSubmit={onRetract} noValidate>
              <p className={styles.hint}>{t("retractHint")}</p>
              <input type="hidden" name="mode" value="retract" />
              <input type="hidden" name="updateId" value={original.id} />
              <Field id={`${p}-retract-reason`} label={t("reason")} hint={t("reasonHint")} errors={retractErrors("reason")}>
                <textarea
                  {...describedBy(`${p}-retract-reason`, { errors: retractErrors("reason"), hint: true })}
                  name="reason"
                  rows={3}
                  required
                  aria-required="true"
                  className={controlClass}
                />
              </Field>
              <Failure state={retractState} />
              <SubmitButton variant="danger">{t.rich("retractButton", { update: context, hidden })}</SubmitButton>
            </form>
          </Disclosure>
          <Disclosure summary={t("correctSummary")}>
            <form ref={correctRef} onSubmit={onCorrect} noValidate>
              <p className={styles.hint}>{t("correctHint")}</p>
              <input type="hidden" name="mode" value="correct" />
              <input type="hidden" name="updateId" value={original.id} />
              <input type="hidden" name="actionCode" value={original.actionCode} />
              <fieldset className={styles.fieldset} aria-describedby={groupErrors.length ? `${p}-replacement-error` : undefined}>
                <legend>{t("replacementLegend")}</legend>
                <FieldError id={`${p}-replacement-error`} errors={groupErrors} />
                <Field id={`${p}-status`} label={t("status")} errors={errors("status")}>
                  <select {...describedBy(`${p}-status`, { errors: errors("status") })} name="status" defaultValue={original.status} required className={controlClass}>
                    {PROGRESS_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {tStatus(s)}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field id={`${p}-percent`} label={t("percent")} hint={tProgress("percentHint")} errors={errors("percent")}>
                  <input
                    {...describedBy(`${p}-percent`, { errors: errors("percent"), hint: true })}
                    name="percent"
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={100}
                    step={1}
                    defaultValue={original.percent}
                    required
                    className={`${controlClass} ${styles.short}`}
                  />
                </Field>
                <Field id={`${p}-narrative`} label={t("narrative")} hint={tProgress("narrativeHint")} errors={errors("narrative")}>
                  <textarea
                    {...describedBy(`${p}-narrative`, { errors: errors("narrative"), hint: true })}
                    name="narrative"
                    rows={6}
                    defaultValue={original.narrative}
                    required
                    className={controlClass}
                  />
                </Field>
                <Field id={`${p}-evidence`} label={tProgress("evidenceLinks")} hint={tProgress("evidenceLinksHint")} errors={errors("evidenceLinks")}>
                  <textarea
                    {...describedBy(`${p}-evidence`, { errors: errors("evidenceLinks"), hint: true })}
                    name="evidenceLinks"
                    rows={3}
                    spellCheck={false}
                    defaultValue={original.evidenceLinks.join("\n")}
                    className={controlClass}
                  />
                </Field>
                <Field id={`${p}-occurred`} label={t("occurredOn")} errors={errors("occurredOn")}>
                  <input
                    {...describedBy(`${p}-occurred`, { errors: errors("occurredOn") })}
                    name="occurredOn"
                    type="date"
                    defaultValue={original.occurredOn}
                    required
                    className={`${controlClass} ${styles.short}`}
                  />
                </Field>
              </fieldset>
              <Field id={`${p}-correct-reason`} label={t("reason")} hint={t("reasonHint")} errors={errors("reason")}>
                <textarea
                  {...describedBy(`${p}-correct-reason`, { errors: errors("reason"), hint: true })}
                  name="reason"
                  rows={3}
                  required
                  aria-required="true"
                  className={controlClass}
                />
              </Field>
              <Failure state={correctState} />
              <SubmitButton>{t.rich("correctButton", { update: context, hidden })}</SubmitButton>
            </form>
          </Disclosure>
        </div>
      )}
      <div ref={doneRef} tabIndex={-1} className={styles.focusTarget}>
        <FormStatus state={done ? { ok: true, data: undefined } : null} successText={done ? t(done) : undefined} />
      </div>
    </article>
  );
}
