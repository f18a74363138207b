import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import styles from "./ui.module.css";

/** Props that tie a control to its hint and error text for assistive technology. */
export function describedBy(id: string, opts: { errors?: string[]; hint?: boolean }) {
  const ids = [opts.hint ? `${id}-hint` : null, opts.errors?.length ? `${id}-error` : null].filter(Boolean);
  return {
    id,
    "aria-invalid": opts.errors?.length ? true : undefined,
    "aria-describedby": ids.length ? ids.join(" ") : undefined,
  } as const;
}

/**
 * A labelled form field. `errors` are keys in the "validation" namespace;
 * the control itself is passed as children and should spread `describedBy`.
 */
export function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: ReactNode;
}) {
  const t = useTranslations("validation");
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {children}
      {errors?.length ? (
        <p id={`${id}-error`} className={styles.error}>
          {errors.map((e) => (t.has(e) ? t(e) : t("invalid"))).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export const controlClass = styles.control;
export const buttonClass = styles.button;
export const secondaryButtonClass = `${styles.button} ${styles.secondary}`;
export const dangerButtonClass = `${styles.button} ${styles.dangerButton}`;
