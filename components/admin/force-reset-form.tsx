"use client";

import { useTranslations } from "next-intl";
import { controlClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { forcePasswordResetAction } from "@/lib/actions/users";
import styles from "./admin.module.css";
import { FieldError } from "./field-error";
import { fieldErrors, useFormSubmit } from "./use-form-submit";

/**
 * Forces one user to choose a new password: their sessions end at once. The
 * temporary password is optional (empty keeps the current one) and follows
 * the same policy as any other password. Labels name the user, as in the
 * row's other form.
 */
export function ForceResetForm({ user }: { user: { id: number; email: string } }) {
  const t = useTranslations("admin.users");
  const { state, formRef, onSubmit, dispatch } = useFormSubmit(forcePasswordResetAction, { resetOnSuccess: true });
  const prefix = `reset-${user.id}`;
  const passwordErrors = fieldErrors(state, "temporaryPassword");
  const userErrors = fieldErrors(state, "userId");
  const describedBy = [`${prefix}-hint`, passwordErrors?.length ? `${prefix}-password-error` : null].filter(Boolean).join(" ");

  return (
    <form ref={formRef} action={dispatch} onSubmit={onSubmit} noValidate className={styles.rowForm}>
      <input type="hidden" name="userId" value={user.id} />
      <span className={styles.rowControl}>
        <label htmlFor={`${prefix}-password`} className="visually-hidden">
          {t("temporaryPasswordFor", { email: user.email })}
        </label>
        <input
          id={`${prefix}-password`}
          name="temporaryPassword"
          type="password"
          autoComplete="new-password"
          placeholder={t("temporaryPassword")}
          aria-invalid={passwordErrors?.length ? true : undefined}
          aria-describedby={describedBy}
          className={controlClass}
        />
      </span>
      <SubmitButton variant="danger">
        {t("forceReset")} <span className="visually-hidden">{t("forceResetFor", { email: user.email })}</span>
      </SubmitButton>
      <div className={styles.rowStatus}>
        <p id={`${prefix}-hint`} className={styles.subtle}>
          {t("temporaryPasswordHint")}
        </p>
        <FieldError id={`${prefix}-password-error`} errors={passwordErrors} />
        <FieldError id={`${prefix}-user-error`} errors={userErrors} />
        <FormStatus state={state} successText={t("forceResetDone")} />
      </div>
    </form>
  );
}
