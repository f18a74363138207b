import { useTranslations } from "next-intl";
import styles from "./admin.module.css";

const PREVIEW_MAX = 120;

type Change = { key: string; before?: unknown; after?: unknown; hadBefore: boolean };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields an event set, compared with the record before it. Only keys
 * present afterwards count: a correction's "after" describes the
 * correction, not the update, so keys that only appear before are context,
 * not changes (they stay visible in the full before/after view). A new
 * key left empty is not worth a line either.
 */
export function changedFields(before: unknown, after: unknown): Change[] {
  if (isRecord(after)) {
    const prior = isRecord(before) ? before : {};
    return Object.keys(after)
      .filter((key) => (key in prior ? !same(prior[key], after[key]) : after[key] !== null))
      .map((key) => ({ key, before: prior[key], after: after[key], hadBefore: key in prior }));
  }
  if (after === null || after === undefined) {
    return isRecord(before) ? Object.keys(before).map((key) => ({ key, before: before[key], after: null, hadBefore: true })) : [];
  }
  return same(before, after) ? [] : [{ key: "value", before, after, hadBefore: before !== null && before !== undefined }];
}

function preview(value: unknown, emptyText: string, missingText: string): string {
  if (value === null || value === undefined) return missingText;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (text === "") return emptyText;
  return text.length > PREVIEW_MAX ? `${text.slice(0, PREVIEW_MAX)}…` : text;
}

const pretty = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value, null, 2));

/** Changed fields in brief, then the full records on demand. */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const t = useTranslations("admin.audit");
  const tAdmin = useTranslations("admin");
  const tCommon = useTranslations("common");
  const changes = changedFields(before, after);
  const show = (v: unknown) => preview(v, t("emptyValue"), tCommon("noValue"));
  const beforeJson = pretty(before);
  const afterJson = pretty(after);
  return (
    <>
      {changes.length === 0 ? (
        <p className={styles.subtle}>{t("noChanges")}</p>
      ) : (
        <ul className={styles.diff}>
          {changes.map((c) => (
            <li key={c.key}>
              <code>{c.key}</code>:{" "}
              {c.hadBefore ? (
                <>
                  <span className={styles.diffBefore}>{show(c.before)}</span> <span aria-hidden="true" className="flow-arrow">→</span>
                  <span className="visually-hidden"> {t("changedTo")} </span>{" "}
                </>
              ) : (
                <span className="visually-hidden">{t("created")} </span>
              )}
              <span className={styles.diffAfter}>{show(c.after)}</span>
            </li>
          ))}
        </ul>
      )}
      {beforeJson || afterJson ? (
        <details className={styles.disclosure}>
          <summary>{t("showJson")}</summary>
          <figure className={styles.jsonFigure}>
            <figcaption>{t("before")}</figcaption>
            {beforeJson ? <pre className={styles.json}>{beforeJson}</pre> : <p className={styles.subtle}>{tAdmin("none")}</p>}
          </figure>
          <figure className={styles.jsonFigure}>
            <figcaption>{t("after")}</figcaption>
            {afterJson ? <pre className={styles.json}>{afterJson}</pre> : <p className={styles.subtle}>{tAdmin("none")}</p>}
          </figure>
        </details>
      ) : null}
    </>
  );
}
