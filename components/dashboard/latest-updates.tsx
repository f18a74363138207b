import { getTranslations } from "next-intl/server";
import { getCachedOverview } from "@/lib/public-data";
import styles from "./dashboard.module.css";
import { UpdateItem } from "./update-item";

export async function LatestUpdates({ locale }: { locale: string }) {
  const [{ latestUpdates, actions }, t] = await Promise.all([
    getCachedOverview(),
    getTranslations({ locale, namespace: "public" }),
  ]);
  const verifiedByCode = new Map(actions.map((a) => [a.code, a.verified]));
  if (latestUpdates.length === 0) return <p className={styles.empty}>{t("overview.latestEmpty")}</p>;
  return (
    <ol className={styles.updates}>
      {latestUpdates.map((update) => (
        <li key={update.id}>
          <UpdateItem
            update={update}
            context="overview"
            titleVerified={verifiedByCode.get(update.actionCode) ?? true}
          />
        </li>
      ))}
    </ol>
  );
}
