import { getTranslations } from "next-intl/server";
import { TableScroll } from "@/components/dashboard/table-scroll";
import { DATASETS, DATASET_NAMES } from "@/lib/open-data/datasets";

/** The same dictionary as data-dictionary.md in the ZIP, one table per dataset. */
export async function DataDictionary({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "downloads" });
  return (
    <section aria-labelledby="data-dictionary">
      <h2 id="data-dictionary" tabIndex={-1}>
        {t("dictionary.heading")}
      </h2>
      {DATASET_NAMES.map((name) => {
        const d = DATASETS[name];
        const captionId = `dictionary-${name}-caption`;
        return (
          <section key={name} aria-labelledby={`dictionary-${name}`}>
            <h3 id={`dictionary-${name}`}>{d.file}</h3>
            <p>{d.description}</p>
            <TableScroll captionId={captionId}>
              <table className="data-table">
                <caption id={captionId}>{t("dictionary.caption", { name: d.file })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("dictionary.field")}</th>
                    <th scope="col">{t("dictionary.type")}</th>
                    <th scope="col">{t("dictionary.meaning")}</th>
                    <th scope="col">{t("dictionary.allowed")}</th>
                    <th scope="col">{t("dictionary.optional")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.columns.map((c) => (
                    <tr key={c.name}>
                      <th scope="row">
                        <code>{c.name}</code>
                      </th>
                      <td>{c.type}</td>
                      <td>{c.description}</td>
                      <td>{c.allowed ? c.allowed.join(", ") : ""}</td>
                      <td>{c.optional ? t("dictionary.yes") : t("dictionary.no")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
        );
      })}
    </section>
  );
}
