"use client";

import { signOut } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect } from "react";
import { fieldErrors, useFormSubmit } from "@/components/admin/use-form-submit";
import styles from "@/components/admin/admin.module.css";
import { FormStatus } from "@/components/ui/form-status";
import { PasswordField } from "@/components/ui/password-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { changeOwnPasswordAction } from "@/lib/actions/account";
import { PASSWORD_CHANGED_PARAM } from "./login-form";

export function ChangePasswordForm() {
  const t = useTranslations("auth.account");
  const locale = useLocale();
  const { state, formRef, onSubmit, dispatch } = useFormSubmit(changeOwnPasswordAction, { resetOnSuccess: true });
  const errors = (field: string) => fieldErrors(state, field);

  // The change ended this session too (its version is now stale): clear the cookie and sign in afresh.
  useEffect(() => {
    if (!state?.ok) return;
    const login = `${locale === "en" ? "" : `/${locale}`}/login?${PASSWORD_CHANGED_PARAM}=1`;
    void signOut({ callbackUrl: login });
  }, [state, locale]);

  return (
    <form ref={formRef} action={dispatch} onSubmit={onSubmit} noValidate className={styles.form} aria-labelledby="change-password-title">
      <PasswordField id="current-password" name="currentPassword" label={t("currentPassword")} errors={errors("currentPassword")} kind="current" />
      <PasswordField id="new-password" name="newPassword" label={t("newPassword")} hint={t("newPasswordHint")} errors={errors("newPassword")} kind="new" />
      <PasswordField id="confirm-password" name="confirmPassword" label={t("confirmPassword")} errors={errors("confirmPassword")} kind="new" />
      <FormStatus state={state} successText={t("changed")} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
