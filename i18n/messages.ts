import type { Locale } from "./routing";

// One file per feature keeps parallel work from colliding in one catalog.
const NAMESPACE_FILES = ["common", "validation", "errors", "status", "public", "auth", "admin", "downloads", "import", "api"] as const;

export type Messages = Record<string, unknown>;

export async function loadMessages(locale: Locale): Promise<Messages> {
  const parts = await Promise.all(
    NAMESPACE_FILES.map(async (name) => [name, (await import(`../messages/${locale}/${name}.json`)).default] as const),
  );
  return Object.fromEntries(parts);
}
