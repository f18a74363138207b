"use client";

import { useTranslations } from "next-intl";
import { controlClass, describedBy, Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { submitUpdateAction } from "@/lib/actions/progress";
import { PROGRESS_STATUSES } from "@/lib/vocabulary";
import styles from "./admin.module.css";
import { fieldErrors, useFormSubmit } from "./use-form-submit";

export type ActionChoice = { code: string; title: string };

export function ProgressForm({ actions, today }: { actions: ActionChoice[]; today: string }) {
  const t = useTranslations("admin.progress");
  const tStatus = useTranslations("status");
  const { state, formRef, onSubmit, dispatch } = useFormSubmit(submitUpdateAction, { resetOnSuccess: true });
  const errors = (field: string) => fieldErrors(state, field);

  return (
    <form ref={formRef} action={dispatch} onSubmit={onSubmit} noValidate className={styles.form} aria-labelledby="progress-title">
      <Field id="actionCode" label={t("action")} errors={errors("actionCode")}>
        <select {...describedBy("actionCode", { errors: errors("actionCode") })} name="actionCode" defaultValue="" required className={controlClass}>
          <option value="" disabled>
            {t("actionPlaceholder")}
          </option>
          {actions.map((a) => (
            <option key={a.code} value={a.code}>
              {t("actionOption", { code: a.code, title: a.title })}
            </option>
          ))}
        </select>
      </Field>
      <Field id="status" label={t("status")} errors={errors("status")}>
        <select {...describedBy("status", { errors: errors("status") })} name="status" defaultValue="" required className={controlClass}>
          <option value="" disabled>
            {t("statusPlaceholder")}
          </option>
          {PROGRESS_STATUSES.map((s) => (
            <option key={s} value={s}>
              {tStatus(s)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="percent" label={t("percent")} hint={t("percentHint")} errors={errors("percent")}>
        <input
          {...describedBy("percent", { errors: errors("percent"), hint: true })}
          name="percent"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          required
          className={`${controlClass} ${styles.short}`}
        />
      </Field>
      <Field id="narrative" label={t("narrative")} hint={t("narrativeHint")} errors={errors("narrative")}>
        <textarea {...describedBy("narrative", { errors: errors("narrative"), hint: true })} name="narrative" rows={6} required className={controlClass} />
      </Field>
      <Field id="evidenceLinks" label={t("evidenceLinks")} hint={t("evidenceLinksHint")} errors={errors("evidenceLinks")}>
        <textarea
          {...describedBy("evidenceLinks", { errors: errors("evidenceLinks"), hint: true })}
          name="evidenceLinks"
          rows={3}
          spellCheck={false}
          className={controlClass}
        />
      </Field>
      <Field id="occurredOn" label={t("occurredOn")} errors={errors("occurredOn")}>
        <input
          {...describedBy("occurredOn", { errors: errors("occurredOn") })}
          name="occurredOn"
          type="date"
          defaultValue={today}
          required
          className={`${controlClass} ${styles.short}`}
        />
      </Field>
      <FormStatus state={state} successText={t("submitted")} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
