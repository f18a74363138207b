import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { TranslationItem } from "@/db/queries/translations";
import styles from "./admin.module.css";
import { TranslationForm } from "./translation-form";

const STATE_TONE: Record<TranslationItem["state"], BadgeTone> = { current: "success", outdated: "warning", missing: "neutral" };

/** One row per translatable field: the English source, the Chinese form and whether the translation still fits. */
export async function TranslationsTable({ locale, items, caption }: { locale: string; items: TranslationItem[]; caption: string }) {
  const t = await getTranslations({ locale, namespace: "admin.translations" });
  if (items.length === 0) return <p className="muted">{t("empty")}</p>;
  return (
    <div className={styles.tableWrap}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("colItem")}</th>
            <th scope="col">{t("colEnglish")}</th>
            <th scope="col">{t("colState")}</th>
            <th scope="col">{t("colChinese")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.entityType}-${item.entityKey}-${item.field}`}>
              <th scope="row">
                <code>{item.label}</code> {t(`fields.${item.field}`)}
              </th>
              <td lang="en">{item.english}</td>
              <td>
                <Badge tone={STATE_TONE[item.state]}>{t(`states.${item.state}`)}</Badge>
              </td>
              <td>
                <TranslationForm item={item} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
