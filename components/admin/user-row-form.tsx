"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { controlClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/action-result";
import { updateUserAction } from "@/lib/actions/users";
import { ROLES, type Role } from "@/lib/vocabulary";
import styles from "./admin.module.css";
import { FieldError } from "./field-error";
import { fieldErrors, useFormSubmit } from "./use-form-submit";

export type UserRowValues = { id: number; email: string; role: Role; disabled: boolean; version: number };

/**
 * Role and access for one user. Labels name the user, so every row's
 * controls stay distinguishable when read out of the table's context.
 */
export function UserRowForm({ user }: { user: UserRowValues }) {
  const t = useTranslations("admin.users");
  const tStatus = useTranslations("status");
  // Advanced only by this row's own saves, so a change made elsewhere is reported as a conflict.
  const [version, setVersion] = useState(user.version);
  const { state, formRef, onSubmit } = useFormSubmit(async (_previous: FormState<{ version: number }>, data: FormData) => {
    const result = await updateUserAction(null, data);
    if (result.ok) setVersion(result.data.version);
    return result;
  });
  const prefix = `user-${user.id}`;
  const roleErrors = fieldErrors(state, "role");
  const disabledErrors = fieldErrors(state, "disabled");

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className={styles.rowForm}>
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={version} />
      <span className={styles.rowControl}>
        <label htmlFor={`${prefix}-role`} className="visually-hidden">
          {t("roleFor", { email: user.email })}
        </label>
        <select
          id={`${prefix}-role`}
          name="role"
          defaultValue={user.role}
          aria-invalid={roleErrors?.length ? true : undefined}
          aria-describedby={roleErrors?.length ? `${prefix}-role-error` : undefined}
          className={controlClass}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tStatus(`role.${r}`)}
            </option>
          ))}
        </select>
      </span>
      <span className={styles.check}>
        <input
          id={`${prefix}-disabled`}
          name="disabled"
          type="checkbox"
          defaultChecked={user.disabled}
          aria-invalid={disabledErrors?.length ? true : undefined}
          aria-describedby={disabledErrors?.length ? `${prefix}-disabled-error` : undefined}
        />
        <label htmlFor={`${prefix}-disabled`}>
          {t("disabled")} <span className="visually-hidden">{t("disabledFor", { email: user.email })}</span>
        </label>
      </span>
      <SubmitButton variant="secondary">
        {t("save")} <span className="visually-hidden">{t("saveFor", { email: user.email })}</span>
      </SubmitButton>
      <div className={styles.rowStatus}>
        <FieldError id={`${prefix}-role-error`} errors={roleErrors} />
        <FieldError id={`${prefix}-disabled-error`} errors={disabledErrors} />
        <FormStatus state={state} successText={t("saved")} />
      </div>
    </form>
  );
}
