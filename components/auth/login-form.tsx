"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { buttonClass, controlClass, Field } from "@/components/ui/field";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth.login");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setError(t("missing"));
      return;
    }
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result || result.error) {
      setPending(false);
      setError(t("failed"));
      return;
    }
    // A full page load: a client navigation could reuse a prefetch made while signed out.
    window.location.assign(callbackUrl);
  }

  const invalid = error ? ({ "aria-invalid": true, "aria-describedby": "login-error" } as const) : {};
  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={error ? "login-error" : undefined}>
      <div aria-live="assertive">
        {error ? (
          <p id="login-error" role="alert" className="login-error">
            {error}
          </p>
        ) : null}
      </div>
      <Field id="email" label={t("email")}>
        <input id="email" {...invalid} name="email" type="email" autoComplete="username" required className={controlClass} />
      </Field>
      <Field id="password" label={t("password")}>
        <input id="password" {...invalid} name="password" type="password" autoComplete="current-password" required className={controlClass} />
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
