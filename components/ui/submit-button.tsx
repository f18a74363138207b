"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import styles from "./ui.module.css";

export function SubmitButton({ children, variant = "primary", name, value }: { children: ReactNode; variant?: "primary" | "secondary" | "danger"; name?: string; value?: string }) {
  const { pending } = useFormStatus();
  const cls = variant === "secondary" ? `${styles.button} ${styles.secondary}` : variant === "danger" ? `${styles.button} ${styles.dangerButton}` : styles.button;
  return (
    <button type="submit" className={cls} disabled={pending} aria-disabled={pending} name={name} value={value}>
      {children}
    </button>
  );
}
