import { getTranslations } from "next-intl/server";
import type { Operation } from "@/lib/openapi";
import styles from "./api-docs.module.css";
import { SchemaType, type TypeWords } from "./schema-type";

export const operationAnchor = (operationId: string) => `op-${operationId}`;

/** One endpoint: its method and path, parameters, request body and possible answers. */
export async function OperationSection({ locale, method, path, operation, words }: { locale: string; method: string; path: string; operation: Operation; words: TypeWords }) {
  const t = await getTranslations({ locale, namespace: "api.docs" });
  const id = operationAnchor(operation.operationId);
  const body = operation.requestBody?.content["application/json"].schema;
  return (
    <section className={styles.operation} aria-labelledby={id}>
      <h3 id={id}>
        <span className={styles.method}>{method.toUpperCase()}</span>
        {path}
      </h3>
      <p>
        <strong>{operation.summary}</strong>
        {operation.description ? <> — {operation.description}</> : null}
      </p>
      {operation.security ? <p>{t("authRequired")}</p> : null}
      <h4>{t("parameters")}</h4>
      {operation.parameters?.length ? (
        <div className={styles.tableWrap}>
          <table className="data-table">
            <caption className="visually-hidden">{`${t("parameters")}: ${method.toUpperCase()} ${path}`}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.name")}</th>
                <th scope="col">{t("columns.in")}</th>
                <th scope="col">{t("columns.type")}</th>
                <th scope="col">{t("columns.required")}</th>
                <th scope="col">{t("columns.description")}</th>
              </tr>
            </thead>
            <tbody>
              {operation.parameters.map((p) => (
                <tr key={`${p.in}-${p.name}`}>
                  <th scope="row">
                    <code>{p.name}</code>
                  </th>
                  <td>{p.in}</td>
                  <td>
                    <SchemaType schema={p.schema} words={words} />
                  </td>
                  <td>{p.required ? t("yes") : t("no")}</td>
                  <td>{p.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("noParameters")}</p>
      )}
      {body ? (
        <>
          <h4>{t("requestBody")}</h4>
          <p>
            <code>application/json</code>: <SchemaType schema={body} words={words} />
          </p>
        </>
      ) : null}
      <h4>{t("responses")}</h4>
      <div className={styles.tableWrap}>
        <table className="data-table">
          <caption className="visually-hidden">{`${t("responses")}: ${method.toUpperCase()} ${path}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t("columns.status")}</th>
              <th scope="col">{t("columns.description")}</th>
              <th scope="col">{t("columns.body")}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(operation.responses).map(([status, r]) => {
              const schema = r.content?.["application/json"].schema;
              return (
                <tr key={status}>
                  <th scope="row">{status}</th>
                  <td>
                    {r.description}
                    {r.headers ? (
                      <>
                        {" "}
                        ({Object.keys(r.headers).map((h, i) => (
                          <span key={h}>
                            {i > 0 ? ", " : ""}
                            <code>{h}</code>
                          </span>
                        ))}
                        )
                      </>
                    ) : null}
                  </td>
                  <td>{schema ? <SchemaType schema={schema} words={words} /> : "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
