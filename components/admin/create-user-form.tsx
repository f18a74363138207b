"use client";

import { useTranslations } from "next-intl";
import { controlClass, describedBy, Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { PasswordField } from "@/components/ui/password-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { createUserAction } from "@/lib/actions/users";
import { ROLES } from "@/lib/vocabulary";
import styles from "./admin.module.css";
import { fieldErrors, useFormSubmit } from "./use-form-submit";

export function CreateUserForm() {
  const t = useTranslations("admin.users");
  const tStatus = useTranslations("status");
  const { state, formRef, onSubmit, dispatch } = useFormSubmit(createUserAction, { resetOnSuccess: true });
  const errors = (field: string) => fieldErrors(state, field);

  return (
    <form ref={formRef} action={dispatch} onSubmit={onSubmit} noValidate className={styles.form} aria-labelledby="create-user-title">
      <Field id="new-email" label={t("email")} errors={errors("email")}>
        <input
          {...describedBy("new-email", { errors: errors("email") })}
          name="email"
          type="email"
          autoComplete="off"
          required
          className={controlClass}
        />
      </Field>
      <Field id="new-name" label={t("name")} errors={errors("name")}>
        <input {...describedBy("new-name", { errors: errors("name") })} name="name" autoComplete="off" required className={controlClass} />
      </Field>
      <Field id="new-role" label={t("role")} errors={errors("role")}>
        <select {...describedBy("new-role", { errors: errors("role") })} name="role" defaultValue="analyst" className={controlClass}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tStatus(`role.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <PasswordField id="new-password" name="password" label={t("password")} hint={t("passwordHint")} errors={errors("password")} kind="new" />
      <FormStatus state={state} successText={t("created")} />
      <SubmitButton>{t("create")}</SubmitButton>
    </form>
  );
}
