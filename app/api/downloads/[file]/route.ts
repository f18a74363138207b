import { cacheControlFor, jsonError, viewFromQuery, withApiErrors } from "@/lib/api";
import { loadExportSource } from "@/lib/open-data/export";
import { datasetFile, downloadName, parseDatasetFile, ZIP_FILE } from "@/lib/open-data/files";
import { dataLicense } from "@/lib/open-data/license";
import { buildOpenDataZip } from "@/lib/open-data/zip";

// Each request reads the (cached) data for its own view; nothing to prerender.
export const dynamic = "force-dynamic";

const CONTENT_TYPES = { csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" } as const;

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  return withApiErrors(async () => {
    const { file } = await params;
    const parsed = parseDatasetFile(file);
    if (!parsed && file !== ZIP_FILE) return jsonError(404, "not_found", `There is no download called "${file}".`);
    const url = new URL(request.url);
    const resolved = await viewFromQuery(url);
    if (resolved instanceof Response) return resolved;
    const { view, cutoff } = resolved;
    const source = await loadExportSource(cutoff);
    const ctx = { view, generatedAt: new Date(), license: dataLicense() };
    const common = { "Cache-Control": cacheControlFor(view), "X-Content-Type-Options": "nosniff" };
    if (!parsed) {
      const zip = buildOpenDataZip(source, ctx);
      return new Response(new Blob([new Uint8Array(zip)]), {
        headers: {
          ...common,
          "Content-Type": "application/zip",
          "Content-Length": String(zip.byteLength),
          "Content-Disposition": `attachment; filename="${downloadName("open-data", "zip", view, ctx.generatedAt)}"`,
        },
      });
    }
    const bom = parsed.format === "csv" && url.searchParams.get("bom") === "1";
    const body = new TextEncoder().encode(datasetFile(parsed.name, parsed.format, source, ctx, bom));
    return new Response(new Blob([body]), {
      headers: {
        ...common,
        "Content-Type": CONTENT_TYPES[parsed.format],
        "Content-Length": String(body.byteLength),
        ...(parsed.format === "csv"
          ? { "Content-Disposition": `attachment; filename="${downloadName(parsed.name, "csv", view, ctx.generatedAt)}"` }
          : {}),
      },
    });
  });
}
