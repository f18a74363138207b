import type { SubmissionRow } from "@/db/queries/updates";
import styles from "./admin.module.css";

// Links were checked on submission; this guards rows written by other means.
const isHttp = (url: string) => /^https?:\/\//i.test(url);

/** An update's narrative (as plain text) and its evidence links, as reviewers and correctors read them. */
export function UpdateBody({
  row,
  labels,
}: {
  row: Pick<SubmissionRow, "narrative" | "evidenceLinks">;
  labels: { narrative: string; evidence: string; noEvidence: string };
}) {
  return (
    <>
      <h3 className={styles.subheading}>{labels.narrative}</h3>
      <p className={styles.narrative}>{row.narrative}</p>
      <h3 className={styles.subheading}>{labels.evidence}</h3>
      {row.evidenceLinks.length === 0 ? (
        <p className="muted">{labels.noEvidence}</p>
      ) : (
        <ul className={styles.links}>
          {row.evidenceLinks.map((link, i) => (
            <li key={`${i}-${link.url}`}>
              {isHttp(link.url) ? (
                <a href={link.url} rel="noopener noreferrer nofollow">
                  {link.label ?? link.url}
                </a>
              ) : (
                (link.label ?? link.url)
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
