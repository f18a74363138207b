import { getTranslations } from "next-intl/server";
import { getCachedOverview } from "@/lib/public-data";
import styles from "./dashboard.module.css";
import { UpdateItem } from "./update-item";
import { viewCutoff, type ViewProps } from "./view-data";

export async function LatestUpdates({ locale, view }: ViewProps) {
  const [{ latestUpdates, actions }, t] = await Promise.all([
    getCachedOverview(viewCutoff(view)),
    getTranslations({ locale, namespace: "public" }),
  ]);
  const verifiedByCode = new Map(actions.map((a) => [a.code, a.verified]));
  const byId = new Map(latestUpdates.map((u) => [u.id, u]));
  if (latestUpdates.length === 0) return <p className={styles.empty}>{t("overview.latestEmpty")}</p>;
  return (
    <ol className={styles.updates}>
      {latestUpdates.map((update) => (
        <li key={update.id}>
          <UpdateItem
            update={update}
            locale={locale}
            context="overview"
            view={view}
            titleVerified={verifiedByCode.get(update.actionCode) ?? true}
            corrects={update.correctsId !== null ? (byId.get(update.correctsId) ?? null) : null}
          />
        </li>
      ))}
    </ol>
  );
}
