"use client";

import { useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { buttonClass, controlClass, Field } from "@/components/ui/field";
import { parseRateLimitedError } from "@/lib/login-errors";

/** Set by the account page after a password change, which signs the user out everywhere. */
export const PASSWORD_CHANGED_PARAM = "passwordChanged";

/** Whole minutes to wait, rounded up, so "Try again in 1 minute" is never too early. */
function minutesToWait(seconds: number | null): number {
  return Math.max(1, Math.ceil((seconds ?? 60) / 60));
}

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth.login");
  const [error, setError] = useState<string | null>(null);
  // A throttled sign-in is not the fields' fault: they are not marked invalid then.
  const [fieldsInvalid, setFieldsInvalid] = useState(false);
  const [pending, setPending] = useState(false);
  const passwordChanged = useSearchParams().get(PASSWORD_CHANGED_PARAM) === "1";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setFieldsInvalid(true);
      setError(t("missing"));
      return;
    }
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result || result.error) {
      setPending(false);
      // Too many failures: the server answers 429 and the wait travels in the error code.
      const wait = parseRateLimitedError(result?.error);
      const limited = result?.status === 429 || wait !== null;
      setFieldsInvalid(!limited);
      setError(limited ? t("rateLimited", { minutes: minutesToWait(wait) }) : t("failed"));
      return;
    }
    // A full page load: a client navigation could reuse a prefetch made while signed out.
    window.location.assign(callbackUrl);
  }

  const invalid = error && fieldsInvalid ? ({ "aria-invalid": true, "aria-describedby": "login-error" } as const) : {};
  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={error ? "login-error" : undefined}>
      {passwordChanged && !error ? (
        <p role="status">
          {t("passwordChanged")}
        </p>
      ) : null}
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
