import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuditFilters } from "@/components/admin/audit-filters";
import { AUDIT_PAGE_SIZE, parseAuditQuery, toAuditFilters } from "@/components/admin/audit-query";
import { AuditPagination, AuditTable } from "@/components/admin/audit-table";
import { listAuditEvents } from "@/db/queries/audit";
import { listUsers } from "@/db/queries/users";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/guards";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "admin" });
  return { title: t("audit.title") };
}

export default async function AuditPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: SearchParams }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePermission("audit:read", "/admin/audit");
  const t = await getTranslations({ locale, namespace: "admin.audit" });
  // The user filter needs the list of accounts, which only user managers may read.
  const users = can(actor, "users:manage") ? await listUsers(actor) : [];
  const query = parseAuditQuery(await searchParams, can(actor, "users:manage") ? new Set(users.map((u) => u.id)) : undefined);
  let result = await listAuditEvents(actor, toAuditFilters(query));
  const pages = Math.max(1, Math.ceil(result.total / AUDIT_PAGE_SIZE));
  // A page past the end (an old link, a hand-edited URL) shows the last page instead of an empty table.
  const page = Math.min(query.page, pages);
  if (page !== query.page) result = await listAuditEvents(actor, toAuditFilters(query, page));
  const current = { ...query, page };
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <AuditFilters query={current} users={users.map((u) => ({ id: u.id, email: u.email }))} />
      {result.rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <>
          <AuditTable rows={result.rows} query={current} />
          <AuditPagination query={current} page={page} pages={pages} total={result.total} />
        </>
      )}
    </>
  );
}
