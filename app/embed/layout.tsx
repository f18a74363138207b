import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { loadMessages } from "@/i18n/messages";
import "../globals.css";
import styles from "@/components/downloads/embed.module.css";

/*
 * A root layout of its own: embedded charts sit in other sites' iframes,
 * so they carry no site header, footer or navigation.
 */
export const metadata: Metadata = { robots: { index: false, follow: true } };

export default async function EmbedLayout({ children }: { children: ReactNode }) {
  // Without it next-intl reads the request headers, which would make every embed dynamic.
  setRequestLocale("en");
  const messages = await loadMessages("en");
  return (
    <html lang="en" dir="ltr">
      <body className={styles.body}>
        <NextIntlClientProvider locale="en" messages={messages} timeZone="UTC">
          <main>{children}</main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
