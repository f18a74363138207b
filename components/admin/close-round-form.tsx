"use client";

import { useTranslations } from "next-intl";
import { controlClass, describedBy, Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { Link } from "@/i18n/navigation";
import { closeRoundAction } from "@/lib/actions/rounds";
import { ROUND_NAME_MAX } from "@/lib/vocabulary";
import styles from "./admin.module.css";
import { fieldErrors, useFormSubmit } from "./use-form-submit";

export function CloseRoundForm({ today }: { today: string }) {
  const t = useTranslations("admin.rounds");
  const { state, formRef, onSubmit } = useFormSubmit(closeRoundAction, { resetOnSuccess: true });
  const errors = (field: string) => fieldErrors(state, field);
  const path = state?.ok ? `/rounds/${state.data.slug}` : null;

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className={styles.form} aria-labelledby="close-round-title">
      <Field id="round-name" label={t("name")} hint={t("nameHint")} errors={errors("name")}>
        <input
          {...describedBy("round-name", { errors: errors("name"), hint: true })}
          name="name"
          maxLength={ROUND_NAME_MAX}
          autoComplete="off"
          required
          className={controlClass}
        />
      </Field>
      <Field id="round-slug" label={t("slug")} hint={t("slugHint")} errors={errors("slug")}>
        <input
          {...describedBy("round-slug", { errors: errors("slug"), hint: true })}
          name="slug"
          maxLength={60}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          className={`${controlClass} ${styles.short}`}
        />
      </Field>
      <Field id="round-cutoff" label={t("cutoffDate")} hint={t("cutoffDateHint")} errors={errors("cutoffDate")}>
        <input
          {...describedBy("round-cutoff", { errors: errors("cutoffDate"), hint: true })}
          name="cutoffDate"
          type="date"
          max={today}
          required
          className={`${controlClass} ${styles.short}`}
        />
      </Field>
      {/* FormStatus takes plain text; the success message here carries a link, so it has its own live region. */}
      <FormStatus state={state?.ok ? null : state} />
      <div aria-live="polite" aria-atomic="true">
        {path ? (
          <p className={styles.success}>
            {t.rich("closed", { path, link: (chunks) => <Link href={path}>{chunks}</Link> })}
          </p>
        ) : null}
      </div>
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
