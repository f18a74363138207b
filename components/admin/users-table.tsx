import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { UserRow } from "@/db/queries/users";
import styles from "./admin.module.css";
import { ForceResetForm } from "./force-reset-form";
import { UserRowForm } from "./user-row-form";

export async function UsersTable({ locale, users, currentUserId }: { locale: string; users: UserRow[]; currentUserId: number }) {
  const [t, tStatus] = await Promise.all([getTranslations({ locale, namespace: "admin.users" }), getTranslations({ locale, namespace: "status" })]);
  return (
    <div className={styles.tableWrap}>
      <table className="data-table" aria-labelledby="users-list-title">
        <thead>
          <tr>
            <th scope="col">{t("email")}</th>
            <th scope="col">{t("name")}</th>
            <th scope="col">{t("role")}</th>
            <th scope="col">{t("state")}</th>
            <th scope="col">{t("change")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row">
                {u.email} {u.id === currentUserId ? <span className={styles.subtle}>{t("you")}</span> : null}
              </th>
              <td>{u.name}</td>
              <td>{tStatus(`role.${u.role}`)}</td>
              <td>
                {u.disabled ? <Badge tone="danger">{t("disabled")}</Badge> : <Badge tone="success">{t("active")}</Badge>}{" "}
                {u.mustChangePassword ? <Badge tone="warning">{t("mustChange")}</Badge> : null}
              </td>
              <td>
                <UserRowForm user={{ id: u.id, email: u.email, role: u.role, disabled: u.disabled, version: u.version }} />
                {/* Your own password is changed on the account page; forcing a reset on yourself would only sign you out. */}
                {u.id === currentUserId ? null : <ForceResetForm user={{ id: u.id, email: u.email }} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
