"use client";

import { Link, usePathname } from "@/i18n/navigation";
import styles from "./admin.module.css";

export type WorkspaceLink = { href: string; label: string };

/** Marks the current section, including its sub-pages (an edit page belongs to "Plan"). */
export function WorkspaceNav({ label, links }: { label: string; links: WorkspaceLink[] }) {
  const pathname = usePathname();
  const current = links
    .filter((l) => pathname === l.href || pathname.startsWith(`${l.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label={label} className={styles.nav}>
      <ul>
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} aria-current={l.href === current ? "page" : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
