/** The copyable <iframe> markup of one embed; `origin` empty leaves the src relative to the site. */
export function embedSnippet({ origin, path, name, height }: { origin: string; path: string; name: string; height: number }): string {
  const attr = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  return `<iframe src="${attr(`${origin}${path}`)}" title="${attr(name)}" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>`;
}
