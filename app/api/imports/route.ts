import { revalidateTag } from "next/cache";
import { dropResponseCache } from "@/lib/server/response-cache";
import { runImport } from "@/db/queries/imports";
import { unavailableResponse } from "@/lib/api";
import { CACHE_TAGS } from "@/lib/cache-tags";
import { getCurrentUser } from "@/lib/current-user";
import { IMPORT_MAX_BYTES, importRequestSchema } from "@/lib/open-data/import";
import { can } from "@/lib/permissions";
import { publishTags } from "@/lib/server/cache-bus";
import { isConnectionError } from "@/lib/server/db-status";
import { toFieldErrors, type FieldErrors } from "@/lib/validation/fields";
import importMessages from "@/messages/en/import.json";
import validationMessages from "@/messages/en/validation.json";

/*
 * POST multipart/form-data: `file` (CSV), `kind` ("updates" | "plan"),
 * `mode` ("dry-run" | "commit"). Refusals before reading the file are JSON
 * with a status (400, 401, 403, 413). Otherwise the answer is NDJSON,
 * streamed: {"type":"progress","phase","rows"} lines as rows are checked
 * or written, then one {"type":"report", ...} line (see ImportReport), or
 * {"type":"error","message"} if the server failed midway (nothing written).
 */

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };
// The multipart envelope around the file: boundaries, headers and the two small fields.
const ENVELOPE_BYTES = 64 * 1024;
const MAX_MB = IMPORT_MAX_BYTES / (1024 * 1024);

function refuse(status: number, error: string, message: string, fieldErrors?: FieldErrors): Response {
  return Response.json({ error, message, ...(fieldErrors ? { fieldErrors } : {}) }, { status, headers: NO_STORE });
}

const tooLarge = () => refuse(413, "tooLarge", `The file is larger than ${MAX_MB} MB. Split it into smaller files and import them one by one.`);

export async function POST(request: Request): Promise<Response> {
  let actor: Awaited<ReturnType<typeof getCurrentUser>>;
  try {
    actor = await getCurrentUser();
  } catch (error) {
    if (isConnectionError(error)) return unavailableResponse();
    throw error;
  }
  if (!actor) return refuse(401, "unauthenticated", "Sign in to import files.");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > IMPORT_MAX_BYTES + ENVELOPE_BYTES) return tooLarge();

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refuse(400, "invalid", "Send the file as multipart/form-data with the fields file, kind and mode.");
  }
  const fields = importRequestSchema.safeParse({ kind: form.get("kind"), mode: form.get("mode") });
  const file = form.get("file");
  const fieldErrors: FieldErrors = fields.success ? {} : toFieldErrors(fields.error);
  if (!(file instanceof File)) fieldErrors.file = ["required"];
  if (!fields.success || !(file instanceof File)) {
    const messages = Object.fromEntries(Object.entries(fieldErrors).map(([k, keys]) => [k, keys.map((key) => (validationMessages as Record<string, string>)[key] ?? validationMessages.invalid)]));
    return refuse(400, "invalid", "Some fields are missing or not valid.", messages);
  }
  const { kind, mode } = fields.data;
  if (!can(actor, kind === "plan" ? "plan:edit" : "update:submit")) return refuse(403, "forbidden", "You are not allowed to import this kind of file.");
  if (file.size > IMPORT_MAX_BYTES) return tooLarge();
  if (file.size === 0) return refuse(400, "invalid", importMessages.problems.empty, { file: [importMessages.problems.empty] });

  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      try {
        const report = await runImport(actor, {
          kind,
          mode,
          fileName: file.name,
          source: file.stream(),
          onProgress: async (p) => {
            send({ type: "progress", ...p });
            // Parsing resolves in microtasks only; without a macrotask turn the lines would leave in one final chunk.
            await new Promise((resolve) => setImmediate(resolve));
          },
        });
        if (report.committed && kind === "plan") {
          revalidateTag(CACHE_TAGS.structure, { expire: 0 });
          dropResponseCache();
          await publishTags([CACHE_TAGS.structure]);
        }
        send(report);
      } catch (error) {
        console.error("[import] failure", error);
        send({ type: "error", message: importMessages.failed });
      }
      controller.close();
    },
  });
  return new Response(body, { headers: { ...NO_STORE, "Content-Type": "application/x-ndjson; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
}
