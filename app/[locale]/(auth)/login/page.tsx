import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "@/i18n/routing";
import { LoginForm } from "@/components/auth/login-form";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "auth" });
  return { title: t("login.title") };
}

export default async function LoginPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { locale } = await params;
  // Past views ("en~2025-03-01") exist for public pages only.
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const { callbackUrl } = await searchParams;
  const t = await getTranslations({ locale, namespace: "auth" });
  return (
    <section aria-labelledby="login-title">
      <h1 id="login-title">{t("login.title")}</h1>
      <p className="muted">{t("login.intro")}</p>
      <LoginForm callbackUrl={safeCallback(callbackUrl)} />
    </section>
  );
}

/** Only same-site paths: an absolute callback URL would be an open redirect. */
function safeCallback(value: string | undefined): string {
  if (!value) return "/admin";
  try {
    const url = new URL(value, "http://placeholder.invalid");
    const path = url.origin === "http://placeholder.invalid" || value.startsWith("http") ? url.pathname + url.search : "/admin";
    return path.startsWith("/") && !path.startsWith("//") ? path : "/admin";
  } catch {
    return "/admin";
  }
}
