import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { EditableItem } from "@/db/queries/plan-admin";
import styles from "./admin.module.css";

/** One table of plan items, each with a link to its edit page. */
export async function PlanTable({
  locale,
  titleId,
  title,
  items,
  editBase,
}: {
  locale: string;
  titleId: string;
  title: string;
  items: EditableItem[];
  editBase: "/admin/plan/visions" | "/admin/plan/actions";
}) {
  const [t, format] = await Promise.all([getTranslations({ locale, namespace: "admin" }), getFormatter({ locale })]);
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <div className={styles.tableWrap}>
        <table className="data-table" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">{t("plan.code")}</th>
              <th scope="col">{t("plan.itemTitle")}</th>
              <th scope="col">{t("plan.verified")}</th>
              <th scope="col">{t("plan.lastSaved")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("plan.edit")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.code}>
                <th scope="row">{item.code}</th>
                <td>{item.title}</td>
                <td>{item.verified ? t("yes") : t("no")}</td>
                <td>
                  <time dateTime={item.updatedAt}>{format.dateTime(new Date(item.updatedAt), { dateStyle: "medium", timeStyle: "short" })}</time>
                </td>
                <td>
                  <Link href={`${editBase}/${item.code}`}>
                    {t("plan.edit")}
                    <span className="visually-hidden"> {item.code}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
