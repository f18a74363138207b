import type { ReactNode } from "react";
import styles from "./dashboard.module.css";

/**
 * Lets a wide table scroll sideways on small screens. The wrapper is
 * focusable and named after the table's caption so keyboard users can
 * scroll it too.
 */
export function TableScroll({ captionId, children }: { captionId: string; children: ReactNode }) {
  return (
    <div className={styles.tableScroll} role="region" aria-labelledby={captionId} tabIndex={0}>
      {children}
    </div>
  );
}
