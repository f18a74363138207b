import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { requirePermission } from "@/lib/server/guards";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "auth" });
  return { title: t("account.title") };
}

/** The one page a user whose admin forced a password reset can open: every other page sends them here. */
export default async function AccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePermission("account:manage-own", "/admin/account", { allowWhilePasswordChangeRequired: true });
  const t = await getTranslations({ locale, namespace: "auth" });
  return (
    <>
      <h1>{t("account.title")}</h1>
      <p>{t("account.intro", { email: actor.email })}</p>
      {actor.mustChangePassword ? (
        <p role="status">
          <strong>{t("account.forced")}</strong>
        </p>
      ) : null}
      <section aria-labelledby="change-password-title">
        <h2 id="change-password-title">{t("account.changeTitle")}</h2>
        <p>{t("account.changeIntro")}</p>
        <ChangePasswordForm />
      </section>
    </>
  );
}
