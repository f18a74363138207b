import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UsersTable } from "@/components/admin/users-table";
import { listUsers } from "@/db/queries/users";
import { requirePermission } from "@/lib/server/guards";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "admin" });
  return { title: t("users.title") };
}

export default async function UsersPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePermission("users:manage", "/admin/users");
  const t = await getTranslations({ locale, namespace: "admin" });
  const users = await listUsers(actor);
  return (
    <>
      <h1>{t("users.title")}</h1>
      <section aria-labelledby="users-list-title">
        <h2 id="users-list-title">{t("users.listTitle")}</h2>
        <UsersTable locale={locale} users={users} currentUserId={actor.id} />
      </section>
      <section aria-labelledby="create-user-title">
        <h2 id="create-user-title">{t("users.createTitle")}</h2>
        <CreateUserForm />
      </section>
    </>
  );
}
