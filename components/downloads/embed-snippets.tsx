import { getTranslations } from "next-intl/server";
import { viewHref } from "@/components/dashboard/view-links";
import type { View } from "@/lib/view";
import { EmbedSnippetCode } from "./embed-snippet-code";

/**
 * Copyable <iframe> snippets for the embeddable charts; an as-of view is kept, a live one stays live.
 * `origin` is the configured public origin, or null to complete the URLs in the browser.
 */
export async function EmbedSnippets({ locale, view, origin, actionCode }: { locale: string; view: View; origin: string | null; actionCode: string }) {
  const t = await getTranslations({ locale, namespace: "downloads" });
  const embeds = [
    { id: "status", name: t("embed.status"), path: "/embed/status", height: 420 },
    { id: "progress", name: t("embed.progress"), path: "/embed/progress", height: 460 },
    { id: "action", name: t("embed.action", { code: actionCode }), path: `/embed/actions/${actionCode}`, height: 460 },
  ];
  return (
    <section aria-labelledby="embed-heading">
      <h2 id="embed-heading">{t("embed.heading")}</h2>
      <p>{t("embed.text")}</p>
      {embeds.map((e) => (
        <figure key={e.id}>
          <figcaption id={`embed-${e.id}`}>{e.name}</figcaption>
          <pre tabIndex={0} aria-label={t("embed.snippetLabel", { name: e.name })}>
            <EmbedSnippetCode origin={origin} path={viewHref(e.path, view)} name={e.name} height={e.height} />
          </pre>
        </figure>
      ))}
    </section>
  );
}
