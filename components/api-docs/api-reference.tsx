import { getTranslations } from "next-intl/server";
import { API_BASE, type HttpMethod, type OpenApiDocument } from "@/lib/openapi";
import styles from "./api-docs.module.css";
import { OperationSection, operationAnchor } from "./operation-section";
import { SchemaTable } from "./schema-table";
import type { TypeWords } from "./schema-type";

const METHODS: HttpMethod[] = ["get", "post"];

/** Renders the OpenAPI document itself, so the page cannot drift from what the API promises. */
export async function ApiReference({ locale, doc }: { locale: string; doc: OpenApiDocument }) {
  const t = await getTranslations({ locale, namespace: "api.docs" });
  const words: TypeWords = { listOf: t("listOf"), mapOf: t("mapOf"), orNull: t("orNull"), oneOf: t("oneOf") };
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ path: `${API_BASE}${path}`, method, operation }] : [];
    }),
  );
  return (
    <>
      <nav aria-labelledby="api-toc-title" className={styles.section}>
        <h2 id="api-toc-title">{t("toc")}</h2>
        <ul className={styles.toc}>
          {operations.map(({ path, method, operation }) => (
            <li key={operation.operationId}>
              <a href={`#${operationAnchor(operation.operationId)}`}>
                <code>
                  {method.toUpperCase()} {path}
                </code>
              </a>{" "}
              — {operation.summary}
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="api-endpoints-title" className={styles.section}>
        <h2 id="api-endpoints-title">{t("endpoints")}</h2>
        {operations.map(({ path, method, operation }) => (
          <OperationSection key={operation.operationId} locale={locale} method={method} path={path} operation={operation} words={words} />
        ))}
      </section>
      <section aria-labelledby="api-schemas-title" className={styles.section}>
        <h2 id="api-schemas-title">{t("schemas")}</h2>
        {Object.entries(doc.components.schemas).map(([name, schema]) => (
          <SchemaTable key={name} locale={locale} name={name} schema={schema} words={words} />
        ))}
      </section>
    </>
  );
}
