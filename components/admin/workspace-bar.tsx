import { getTranslations } from "next-intl/server";
import { can, type Actor } from "@/lib/permissions";
import styles from "./admin.module.css";
import { SignOutButton } from "./sign-out-button";
import { WorkspaceNav, type WorkspaceLink } from "./workspace-nav";

export async function WorkspaceBar({ locale, actor }: { locale: string; actor: Actor }) {
  const [t, tAuth, tStatus] = await Promise.all([
    getTranslations({ locale, namespace: "admin" }),
    getTranslations({ locale, namespace: "auth" }),
    getTranslations({ locale, namespace: "status" }),
  ]);
  const links: WorkspaceLink[] = [{ href: "/admin", label: t("nav.logProgress") }];
  if (can(actor, "update:submit")) links.push({ href: "/admin/import", label: t("nav.import") });
  if (can(actor, "update:review")) links.push({ href: "/admin/review", label: t("nav.review") });
  if (can(actor, "plan:edit")) links.push({ href: "/admin/plan", label: t("nav.plan") });
  if (can(actor, "users:manage")) links.push({ href: "/admin/users", label: t("nav.users") });
  if (can(actor, "update:correct")) links.push({ href: "/admin/corrections", label: t("nav.corrections") });
  if (can(actor, "rounds:manage")) links.push({ href: "/admin/rounds", label: t("nav.rounds") });
  if (can(actor, "plan:edit")) links.push({ href: "/admin/translations", label: t("nav.translations") });
  if (can(actor, "audit:read")) links.push({ href: "/admin/audit", label: t("nav.audit") });
  if (can(actor, "tokens:manage")) links.push({ href: "/admin/tokens", label: t("nav.tokens") });
  if (can(actor, "account:manage-own")) links.push({ href: "/admin/account", label: t("nav.account") });
  return (
    <div className={styles.bar}>
      <WorkspaceNav label={t("nav.label")} links={links} />
      <div className={styles.account}>
        <p>{tAuth("login.signedInAs", { name: actor.name, role: tStatus(`role.${actor.role}`) })}</p>
        <SignOutButton label={tAuth("login.signOut")} />
      </div>
    </div>
  );
}
