"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { startTransition } from "react";
import { DB_UNAVAILABLE_DIGEST } from "@/lib/db-unavailable";

/*
 * Any page or layout below the locale layout that fails to render. When the
 * database is unreachable the failure carries DB_UNAVAILABLE_DIGEST (set by
 * the data layer) and the page says the service is temporarily unavailable;
 * the server answers such pages with 503 and Retry-After.
 */
export default function LocaleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  const router = useRouter();
  const unavailable = error.digest === DB_UNAVAILABLE_DIGEST;
  return (
    <section role="alert">
      <h1>{t(unavailable ? "unavailableTitle" : "errorTitle")}</h1>
      <p>{t(unavailable ? "unavailableBody" : "errorBody")}</p>
      <p>
        <button
          type="button"
          onClick={() =>
            startTransition(() => {
              router.refresh();
              reset();
            })
          }
        >
          {t("tryAgain")}
        </button>
      </p>
    </section>
  );
}
