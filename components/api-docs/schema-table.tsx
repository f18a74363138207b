import { getTranslations } from "next-intl/server";
import type { JsonSchema } from "@/lib/openapi";
import styles from "./api-docs.module.css";
import { schemaAnchor, SchemaType, type TypeWords } from "./schema-type";

/** One component schema: its fields, their types, and which are always present. */
export async function SchemaTable({ locale, name, schema, words }: { locale: string; name: string; schema: JsonSchema; words: TypeWords }) {
  const t = await getTranslations({ locale, namespace: "api.docs" });
  const id = schemaAnchor(name);
  const properties = Object.entries(schema.properties ?? {});
  return (
    <section className={styles.schema} aria-labelledby={id}>
      <h3 id={id}>{name}</h3>
      {schema.description ? <p>{schema.description}</p> : null}
      {properties.length ? (
        <div className={styles.tableWrap}>
          <table className="data-table">
            <caption className="visually-hidden">{name}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.field")}</th>
                <th scope="col">{t("columns.type")}</th>
                <th scope="col">{t("columns.required")}</th>
                <th scope="col">{t("columns.description")}</th>
              </tr>
            </thead>
            <tbody>
              {properties.map(([field, s]) => (
                <tr key={field}>
                  <th scope="row">
                    <code>{field}</code>
                  </th>
                  <td>
                    <SchemaType schema={s} words={words} />
                  </td>
                  <td>{schema.required?.includes(field) ? t("yes") : t("no")}</td>
                  <td>{s.description ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>
          <SchemaType schema={schema} words={words} />
        </p>
      )}
    </section>
  );
}
