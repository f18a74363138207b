import { getFormatter, getTranslations } from "next-intl/server";
import styles from "@/components/admin/admin.module.css";
import { Badge } from "@/components/ui/badge";
import type { TokenRow } from "@/db/queries/tokens";
import { RevokeTokenForm } from "./revoke-token-form";

export async function TokensTable({ locale, tokens }: { locale: string; tokens: TokenRow[] }) {
  const [t, format] = await Promise.all([getTranslations({ locale, namespace: "api.tokens" }), getFormatter({ locale })]);
  if (tokens.length === 0) return <p>{t("empty")}</p>;
  const when = (iso: string) => <time dateTime={iso}>{format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" })}</time>;
  return (
    <div className={styles.tableWrap}>
      <table className="data-table" aria-labelledby="tokens-list-title">
        <thead>
          <tr>
            <th scope="col">{t("columns.name")}</th>
            <th scope="col">{t("columns.prefix")}</th>
            <th scope="col">{t("columns.analyst")}</th>
            <th scope="col">{t("columns.created")}</th>
            <th scope="col">{t("columns.lastUsed")}</th>
            <th scope="col">{t("columns.status")}</th>
            <th scope="col">{t("columns.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id}>
              <th scope="row">{token.name}</th>
              <td>
                <code>{token.prefix}…</code>
              </td>
              <td>
                {token.analystName} <span className={styles.subtle}>{token.analystEmail}</span>
              </td>
              <td>{when(token.createdAt)}</td>
              <td>{token.lastUsedAt ? when(token.lastUsedAt) : t("neverUsed")}</td>
              <td>
                {token.revokedAt ? (
                  <Badge tone="danger">{t("statusRevoked")}</Badge>
                ) : (
                  <Badge tone="success">{t("statusActive")}</Badge>
                )}
              </td>
              <td>
                <RevokeTokenForm id={token.id} name={token.name} revokedAt={token.revokedAt ? when(token.revokedAt) : null} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
