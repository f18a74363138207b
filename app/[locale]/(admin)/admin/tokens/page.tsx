import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { TokensTable } from "@/components/tokens/tokens-table";
import { listTokens } from "@/db/queries/tokens";
import { listUsers } from "@/db/queries/users";
import { requirePermission } from "@/lib/server/guards";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "api" });
  return { title: t("tokens.title") };
}

export default async function TokensPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePermission("tokens:manage", "/admin/tokens");
  const t = await getTranslations({ locale, namespace: "api" });
  const [tokens, users] = await Promise.all([listTokens(actor), listUsers(actor)]);
  const analysts = users.filter((u) => u.role === "analyst" && !u.disabled).map((u) => ({ id: u.id, name: u.name, email: u.email }));
  return (
    <>
      <h1>{t("tokens.title")}</h1>
      <p>{t("tokens.intro")}</p>
      <section aria-labelledby="create-token-title">
        <h2 id="create-token-title">{t("tokens.createTitle")}</h2>
        <CreateTokenForm analysts={analysts} />
      </section>
      <section aria-labelledby="tokens-list-title">
        <h2 id="tokens-list-title">{t("tokens.listTitle")}</h2>
        <TokensTable locale={locale} tokens={tokens} />
      </section>
    </>
  );
}
