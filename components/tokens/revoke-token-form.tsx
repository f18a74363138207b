"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import styles from "@/components/admin/admin.module.css";
import { useFormSubmit } from "@/components/admin/use-form-submit";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { revokeTokenAction } from "@/lib/actions/tokens";

/**
 * The button names its token, so each row's "Revoke" stays distinguishable
 * out of the table's context. Once revoked, the same component stays
 * mounted in its place, so the announcement of the result survives the refresh.
 */
export function RevokeTokenForm({ id, name, revokedAt }: { id: number; name: string; revokedAt: ReactNode | null }) {
  const t = useTranslations("api.tokens");
  const { state, formRef, onSubmit } = useFormSubmit(revokeTokenAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className={styles.rowForm}>
      <input type="hidden" name="tokenId" value={id} />
      {revokedAt ?? (
        <SubmitButton variant="danger">
          {t("revoke")} <span className="visually-hidden">{t("revokeFor", { name })}</span>
        </SubmitButton>
      )}
      <div className={styles.rowStatus}>
        <FormStatus state={state} successText={t("revoked")} />
      </div>
    </form>
  );
}
