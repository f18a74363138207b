"use client";

import { useTranslations } from "next-intl";
import styles from "@/components/admin/admin.module.css";
import { fieldErrors, useFormSubmit } from "@/components/admin/use-form-submit";
import { controlClass, describedBy } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import uiStyles from "@/components/ui/ui.module.css";
import { createTokenAction } from "@/lib/actions/tokens";
import { TokenFieldError } from "./token-field-error";

export type AnalystOption = { id: number; name: string; email: string };

export function CreateTokenForm({ analysts }: { analysts: AnalystOption[] }) {
  const t = useTranslations("api.tokens");
  const { state, formRef, onSubmit } = useFormSubmit(createTokenAction, { resetOnSuccess: true });
  const nameErrors = fieldErrors(state, "name");
  const userErrors = fieldErrors(state, "userId");
  const created = state?.ok ? state.data : null;

  return (
    <>
      <form ref={formRef} onSubmit={onSubmit} noValidate className={styles.form} aria-labelledby="create-token-title">
        <div className={uiStyles.field}>
          <label htmlFor="token-name" className={uiStyles.label}>
            {t("name")}
          </label>
          <p id="token-name-hint" className={uiStyles.hint}>
            {t("nameHint")}
          </p>
          <input {...describedBy("token-name", { errors: nameErrors, hint: true })} name="name" autoComplete="off" required maxLength={100} className={controlClass} />
          <TokenFieldError id="token-name-error" errors={nameErrors} />
        </div>
        <div className={uiStyles.field}>
          <label htmlFor="token-analyst" className={uiStyles.label}>
            {t("analyst")}
          </label>
          <p id="token-analyst-hint" className={uiStyles.hint}>
            {t("analystHint")}
          </p>
          <select {...describedBy("token-analyst", { errors: userErrors, hint: true })} name="userId" required defaultValue="" className={controlClass}>
            <option value="" disabled>
              {t("analystPlaceholder")}
            </option>
            {analysts.map((a) => (
              <option key={a.id} value={a.id}>
                {t("analystOption", { name: a.name, email: a.email })}
              </option>
            ))}
          </select>
          <TokenFieldError id="token-analyst-error" errors={userErrors} />
        </div>
        <FormStatus state={state} successText={t("created")} />
        <SubmitButton>{t("create")}</SubmitButton>
      </form>
      {created ? (
        <div className={styles.form} role="region" aria-labelledby="new-token-title">
          <h3 id="new-token-title">{t("newTokenTitle")}</h3>
          <p>
            <strong>{t("copyNow")}</strong>
          </p>
          <output aria-labelledby="new-token-title">
            <code>{created.token}</code>
          </output>
        </div>
      ) : null}
    </>
  );
}
