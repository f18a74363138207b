"use client";

import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/action-result";
import styles from "./ui.module.css";

/**
 * The outcome of a form submission, announced by screen readers.
 * `successMessages` maps a result's message key to text from the caller's namespace.
 */
export function FormStatus({ state, successText }: { state: FormState<unknown>; successText?: string }) {
  const t = useTranslations("errors");
  return (
    <div aria-live="polite" aria-atomic="true">
      {state && !state.ok ? (
        <p className={`${styles.alert} ${styles.alertError}`}>
          {t.has(state.error) ? t(state.error) : t("unavailable")}
        </p>
      ) : null}
      {state?.ok && successText ? <p className={`${styles.alert} ${styles.alertSuccess}`}>{successText}</p> : null}
    </div>
  );
}
