"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { controlClass, describedBy, Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/action-result";
import { editActionAction, editVisionAction } from "@/lib/actions/plan";
import { DEFAULT_UPDATE_INTERVAL_DAYS, UPDATE_INTERVAL_MAX_DAYS } from "@/lib/vocabulary";
import styles from "./admin.module.css";
import { FieldError } from "./field-error";
import { fieldErrors, useFormSubmit } from "./use-form-submit";

export type PlanItemValues = {
  code: string;
  title: string;
  description: string;
  targetDate: string | null;
  verified: boolean;
  sourceUrl: string | null;
  version: number;
  /** Actions only. */
  updateIntervalDays?: number;
  visionWeights?: { visionCode: string; weight: number }[];
};

/**
 * Edits one vision or action. The hidden version is the one this form was
 * loaded with, advanced only by this form's own successful saves: if
 * someone else saved in between, the server refuses instead of overwriting.
 */
export function PlanItemForm({ kind, item, visions = [] }: { kind: "vision" | "action"; item: PlanItemValues; visions?: { code: string; title: string }[] }) {
  const t = useTranslations("admin.plan");
  const [version, setVersion] = useState(item.version);
  const { state, formRef, onSubmit } = useFormSubmit(async (_previous: FormState<{ version: number }>, data: FormData) => {
    const result = await (kind === "action" ? editActionAction : editVisionAction)(null, data);
    if (result.ok) setVersion(result.data.version);
    return result;
  });
  const errors = (field: string) => fieldErrors(state, field);
  const weightErrors = errors("visionWeights");
  const weightOf = new Map((item.visionWeights ?? []).map((w) => [w.visionCode, w.weight]));

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className={styles.form} aria-labelledby="edit-title">
      <input type="hidden" name="code" value={item.code} />
      <input type="hidden" name="version" value={version} />
      <Field id="title" label={t("fieldTitle")} errors={errors("title")}>
        <input {...describedBy("title", { errors: errors("title") })} name="title" defaultValue={item.title} required className={controlClass} />
      </Field>
      <Field id="description" label={t("fieldDescription")} errors={errors("description")}>
        <textarea
          {...describedBy("description", { errors: errors("description") })}
          name="description"
          rows={5}
          defaultValue={item.description}
          className={controlClass}
        />
      </Field>
      <Field id="targetDate" label={t("fieldTargetDate")} hint={t("fieldTargetDateHint")} errors={errors("targetDate")}>
        <input
          {...describedBy("targetDate", { errors: errors("targetDate"), hint: true })}
          name="targetDate"
          type="date"
          defaultValue={item.targetDate ?? ""}
          className={`${controlClass} ${styles.short}`}
        />
      </Field>
      {kind === "action" ? (
        <Field id="updateIntervalDays" label={t("fieldUpdateInterval")} hint={t("fieldUpdateIntervalHint")} errors={errors("updateIntervalDays")}>
          <input
            {...describedBy("updateIntervalDays", { errors: errors("updateIntervalDays"), hint: true })}
            name="updateIntervalDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={UPDATE_INTERVAL_MAX_DAYS}
            step={1}
            defaultValue={item.updateIntervalDays ?? DEFAULT_UPDATE_INTERVAL_DAYS}
            required
            className={`${controlClass} ${styles.short}`}
          />
        </Field>
      ) : null}
      <div className={styles.check}>
        <input
          {...describedBy("verified", { errors: errors("verified"), hint: true })}
          name="verified"
          type="checkbox"
          defaultChecked={item.verified}
        />
        <label htmlFor="verified">{t("fieldVerified")}</label>
      </div>
      <p id="verified-hint" className={styles.hint}>
        {t("unverifiedHint")}
      </p>
      <FieldError id="verified-error" errors={errors("verified")} />
      <Field id="sourceUrl" label={t("fieldSourceUrl")} hint={t("fieldSourceUrlHint")} errors={errors("sourceUrl")}>
        <input
          {...describedBy("sourceUrl", { errors: errors("sourceUrl"), hint: true })}
          name="sourceUrl"
          type="url"
          inputMode="url"
          defaultValue={item.sourceUrl ?? ""}
          className={controlClass}
        />
      </Field>
      {kind === "action" ? (
        <fieldset
          className={styles.fieldset}
          aria-describedby={["weights-hint", weightErrors?.length ? "weights-error" : null].filter(Boolean).join(" ")}
        >
          <legend>{t("weightsLegend")}</legend>
          <p id="weights-hint" className={styles.hint}>
            {t("weightsHint")}
          </p>
          <FieldError id="weights-error" errors={weightErrors} />
          <ul className={styles.weights}>
            {visions.map((v) => (
              <li key={v.code}>
                <span className={styles.check}>
                  <input
                    id={`vision-${v.code}`}
                    name={`vision.${v.code}`}
                    type="checkbox"
                    defaultChecked={weightOf.has(v.code)}
                    aria-invalid={weightErrors?.length ? true : undefined}
                  />
                  <label htmlFor={`vision-${v.code}`}>{t("linkVision", { code: v.code, title: v.title })}</label>
                </span>
                <span className={styles.weight}>
                  <label htmlFor={`weight-${v.code}`}>{t("weightFor", { code: v.code })}</label>
                  <input
                    id={`weight-${v.code}`}
                    name={`weight.${v.code}`}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={100}
                    step={1}
                    defaultValue={weightOf.get(v.code) ?? ""}
                    className={`${controlClass} ${styles.tiny}`}
                  />
                </span>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <FormStatus state={state} successText={t("saved")} />
      <SubmitButton>{t("save")}</SubmitButton>
    </form>
  );
}
