"use client";

import { usePathname } from "next/navigation";
import { DB_UNAVAILABLE_DIGEST } from "@/lib/db-unavailable";
import en from "@/messages/en/errors.json";
import zh from "@/messages/zh/errors.json";
import "./globals.css";

/*
 * A failure in a root layout (the locale layout reads the database for a
 * round view; the embed layout), where no translation provider exists yet:
 * the two small catalogs are bundled and the language comes from the path.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const pathname = usePathname() ?? "";
  const zhPage = /^\/zh(?:[/~]|$)/.test(pathname);
  const t = zhPage ? zh : en;
  const unavailable = error.digest === DB_UNAVAILABLE_DIGEST;
  return (
    <html lang={zhPage ? "zh-Hans" : "en"} dir="ltr">
      <body>
        <main id="main" className="container">
          <section role="alert">
            <h1>{unavailable ? t.unavailableTitle : t.errorTitle}</h1>
            <p>{unavailable ? t.unavailableBody : t.errorBody}</p>
            <p>
              <a href={pathname || "/"}>{t.tryAgain}</a>
            </p>
          </section>
        </main>
      </body>
    </html>
  );
}
