import { getTranslations } from "next-intl/server";
import { viewHref } from "@/components/dashboard/view-links";
import type { View } from "@/lib/view";

/** Copyable <iframe> snippets for the embeddable charts; an as-of view is kept, a live one stays live. */
export async function EmbedSnippets({ locale, view, origin, actionCode }: { locale: string; view: View; origin: string; actionCode: string }) {
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
      {embeds.map((e) => {
        const src = `${origin}${viewHref(e.path, view)}`;
        const snippet = `<iframe src="${src}" title="${e.name}" width="100%" height="${e.height}" style="border:0" loading="lazy"></iframe>`;
        return (
          <figure key={e.id}>
            <figcaption id={`embed-${e.id}`}>{e.name}</figcaption>
            <pre tabIndex={0} aria-label={t("embed.snippetLabel", { name: e.name })}>
              <code>{snippet}</code>
            </pre>
          </figure>
        );
      })}
    </section>
  );
}
