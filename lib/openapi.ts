import { DISPLAY_STATUSES, EVIDENCE_LINKS_MAX, NARRATIVE_MAX, PROGRESS_STATUSES, CORRECTION_KINDS } from "./vocabulary";

/*
 * The OpenAPI 3.1 description of /api/v1, written as a typed object so the
 * documentation page, the JSON endpoint and the contract test all read the
 * same source. Object schemas forbid extra properties: a response that gains
 * or loses a field fails the contract test until this document says so.
 */

export type JsonType = "string" | "integer" | "number" | "boolean" | "object" | "array" | "null";

export type JsonSchema = {
  $ref?: string;
  type?: JsonType | JsonType[];
  description?: string;
  format?: "date" | "date-time" | "uri";
  enum?: readonly (string | number | null)[];
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  examples?: readonly unknown[];
};

export type Parameter = {
  name: string;
  in: "query" | "path" | "header";
  required?: boolean;
  description: string;
  schema: JsonSchema;
};

export type Header = { description: string; schema: JsonSchema };

export type ApiResponse = {
  description: string;
  headers?: Record<string, Header>;
  content?: { "application/json": { schema: JsonSchema } };
};

export type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: readonly string[];
  parameters?: readonly Parameter[];
  requestBody?: { required: boolean; content: { "application/json": { schema: JsonSchema } } };
  responses: Record<string, ApiResponse>;
  security?: readonly Record<string, readonly string[]>[];
};

export type HttpMethod = "get" | "post";
export type PathItem = Partial<Record<HttpMethod, Operation>>;

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: readonly { url: string; description?: string }[];
  tags: readonly { name: string; description: string }[];
  paths: Record<string, PathItem>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, { type: "http"; scheme: "bearer"; description: string }>;
  };
};

export const API_BASE = "/api/v1";

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const str = (description?: string): JsonSchema => ({ type: "string", ...(description ? { description } : {}) });
const date = (description: string, nullable = false): JsonSchema => ({ type: nullable ? ["string", "null"] : "string", format: "date", description });
const dateTime = (description: string, nullable = false): JsonSchema => ({ type: nullable ? ["string", "null"] : "string", format: "date-time", description });
const int = (description: string, extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: "integer", description, ...extra });

function object(properties: Record<string, JsonSchema>, optional: readonly string[] = [], description?: string): JsonSchema {
  return {
    type: "object",
    ...(description ? { description } : {}),
    properties,
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
    additionalProperties: false,
  };
}

const listOf = (item: string, description: string): JsonSchema => object({ view: ref("View"), data: { type: "array", items: ref(item) } }, [], description);

const actionProperties: Record<string, JsonSchema> = {
  code: str("Action code, for example A1."),
  title: str(),
  titleVerified: { type: "boolean", description: "Whether the title was checked against the official plan text." },
  status: { type: "string", enum: DISPLAY_STATUSES, description: "Status of the latest published assessment, or not_yet_assessed." },
  percent: int("Percent complete of the latest published assessment; null before the first one.", { type: ["integer", "null"], minimum: 0, maximum: 100 }),
  targetDate: date("Target date from the plan.", true),
  visions: { type: "array", items: ref("WeightedLink"), description: "Visions this action contributes to, with weights." },
  updatedAt: dateTime("When the latest counting assessment was published.", true),
};

const correctionSchema = object({
  kind: { type: "string", enum: CORRECTION_KINDS },
  reason: str(),
  at: dateTime("When the update was corrected or retracted."),
  replacementId: int("The update that replaced it, if corrected.", { type: ["integer", "null"] }),
});

const schemas: Record<string, JsonSchema> = {
  View: object(
    {
      kind: { type: "string", enum: ["live", "asOf", "round"] },
      asOf: date("The day of an asOf view (inclusive, UTC)."),
      round: str("Short name of the reporting round."),
      name: str("Name of the reporting round."),
      cutoffDate: date("Cut-off day of the reporting round."),
    },
    ["asOf", "round", "name", "cutoffDate"],
    "The moment the data describes: now, the end of a past day, or a closed reporting round.",
  ),
  WeightedLink: object({ code: str(), weight: int("Relative weight, 1–100.", { minimum: 1, maximum: 100 }) }),
  Action: object(actionProperties, [], "An action of the plan with its current published state."),
  ActionDetail: object(
    { ...actionProperties, description: str(), updates: { type: "array", items: ref("Update"), description: "Published updates, newest first." } },
    [],
    "An action with the timeline of its published updates.",
  ),
  Vision: object(
    {
      code: str("Vision code, for example V1."),
      title: str(),
      titleVerified: { type: "boolean" },
      status: { type: "string", enum: DISPLAY_STATUSES, description: "Rolled up from its actions." },
      percent: { type: "number", minimum: 0, maximum: 100, description: "Weighted average of its actions." },
      actions: { type: "array", items: ref("WeightedLink") },
      updatedAt: dateTime("Latest publication among its actions.", true),
    },
    [],
    "A vision of the plan, rolled up from its weighted actions.",
  ),
  EvidenceLink: object({ url: { type: "string", format: "uri" }, label: { type: ["string", "null"] } }),
  Correction: correctionSchema,
  Update: object(
    {
      id: int("Update id."),
      status: { type: "string", enum: PROGRESS_STATUSES },
      percent: int("Percent complete.", { minimum: 0, maximum: 100 }),
      narrative: str(),
      evidenceLinks: { type: "array", items: ref("EvidenceLink") },
      occurredOn: date("The day the progress happened."),
      publishedAt: dateTime("When an admin published it."),
      illustrative: { type: "boolean", description: "Demo data, not a real assessment." },
      correction: { ...correctionSchema, type: ["object", "null"], description: "Set when, as of the view, this update was corrected or retracted." },
      correctsId: int("Set when this update corrects an earlier one.", { type: ["integer", "null"] }),
    },
    [],
    "A published progress update.",
  ),
  StatusCounts: object(Object.fromEntries(DISPLAY_STATUSES.map((s) => [s, int(`Actions with status ${s}.`, { minimum: 0 })]))),
  Summary: object(
    {
      plan: { type: ["object", "null"], properties: { code: str(), title: str() }, required: ["code", "title"], additionalProperties: false },
      actionCount: int("Number of actions.", { minimum: 0 }),
      visionCount: int("Number of visions.", { minimum: 0 }),
      statusCounts: ref("StatusCounts"),
      averagePercent: { type: "number", minimum: 0, maximum: 100, description: "Average percent over assessed actions." },
      overdueCount: int("Actions whose expected update interval passed without a published update.", { minimum: 0 }),
    },
    [],
    "Headline figures of the plan.",
  ),
  Round: object(
    { slug: str("Short name used in URLs."), name: str(), cutoffDate: date("The round shows the plan as of the end of this day."), closedAt: dateTime("When an admin closed it.") },
    [],
    "A closed reporting round: a frozen view of the plan.",
  ),
  RoundDetail: object({ round: ref("Round"), actions: { type: "array", items: ref("Action") }, visions: { type: "array", items: ref("Vision") } }),
  ActionList: listOf("Action", "Every action."),
  VisionList: listOf("Vision", "Every vision."),
  RoundList: listOf("Round", "Closed reporting rounds, newest cut-off first."),
  ActionDetailResponse: object({ view: ref("View"), data: ref("ActionDetail") }),
  SummaryResponse: object({ view: ref("View"), data: ref("Summary") }),
  RoundDetailResponse: object({ view: ref("View"), data: ref("RoundDetail") }),
  UpdateInput: object(
    {
      status: { type: "string", enum: PROGRESS_STATUSES, description: "completed requires 100; not_started requires 0." },
      percent: int("Whole number from 0 to 100.", { minimum: 0, maximum: 100 }),
      narrative: { type: "string", minLength: 1, maxLength: NARRATIVE_MAX, description: "What happened, and the source." },
      evidenceLinks: { type: "array", items: { type: "string", format: "uri", description: "http or https only." }, maxItems: EVIDENCE_LINKS_MAX },
      occurredOn: date("The day the progress happened, not in the future."),
    },
    ["evidenceLinks"],
    "A new assessment of the action in the path. Same rules as the admin form.",
  ),
  UpdateCreated: object({ id: int("Id of the new update."), state: { type: "string", enum: ["submitted"] } }, [], "The update awaits review by an admin."),
  Error: object(
    {
      error: { type: "string", description: "Machine-readable code.", examples: ["invalid", "notFound", "unauthenticated", "rateLimited"] },
      message: str("A sentence for people."),
      fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } }, description: "Messages per input field." },
    },
    ["fieldErrors"],
    "Every error. fieldErrors is present when specific fields were wrong.",
  ),
};

const viewParams: readonly Parameter[] = [
  { name: "asOf", in: "query", description: "Show the plan as it was at the end of this past or present day (YYYY-MM-DD, UTC).", schema: { type: "string", format: "date" } },
  { name: "round", in: "query", description: "Show the plan as of a closed reporting round (its short name). Ignored when asOf is given.", schema: { type: "string" } },
];

const json = (schema: JsonSchema) => ({ "application/json": { schema } }) as const;
const errorResponse = (description: string, headers?: Record<string, Header>): ApiResponse => ({ description, ...(headers ? { headers } : {}), content: json(ref("Error")) });

const cachingHeaders: Record<string, Header> = {
  ETag: { description: "Strong validator of the body; send it back in If-None-Match.", schema: { type: "string" } },
  "Cache-Control": { description: "Live views are cached briefly; past views for long.", schema: { type: "string" } },
  "Access-Control-Allow-Origin": { description: "Always *.", schema: { type: "string" } },
};

function getOperation(operationId: string, summary: string, schema: string, extra: { description?: string; pathParams?: Parameter[]; notFound?: boolean } = {}): PathItem {
  return {
    get: {
      operationId,
      summary,
      ...(extra.description ? { description: extra.description } : {}),
      tags: ["Read"],
      parameters: [
        ...(extra.pathParams ?? []),
        ...viewParams,
        { name: "If-None-Match", in: "header", description: "An ETag from an earlier answer; an unchanged body gives 304.", schema: { type: "string" } },
      ],
      responses: {
        "200": { description: "OK", headers: cachingHeaders, content: json(ref(schema)) },
        "304": { description: "Not modified: the ETag still matches.", headers: cachingHeaders },
        "400": errorResponse("asOf or round is not valid (see fieldErrors)."),
        ...(extra.notFound ? { "404": errorResponse("Not found.") } : {}),
        "503": errorResponse("The service is unavailable right now."),
      },
    },
  };
}

export function buildOpenApiDocument(): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: {
      title: "Plan Tracker API",
      version: "1.0.0",
      description:
        "Read the action plan's published progress (visions, actions, updates, summary, reporting rounds), now or as of a past day or round, and submit progress updates for review with an API token.",
    },
    servers: [{ url: API_BASE }],
    tags: [
      { name: "Read", description: "Open to everyone, cacheable, CORS enabled." },
      { name: "Write", description: "For machines with an API token issued by an admin." },
    ],
    paths: {
      "/visions": getOperation("listVisions", "List visions", "VisionList"),
      "/actions": getOperation("listActions", "List actions", "ActionList"),
      "/actions/{code}": getOperation("getAction", "One action with its published updates", "ActionDetailResponse", {
        pathParams: [{ name: "code", in: "path", required: true, description: "Action code, for example A1.", schema: { type: "string" } }],
        notFound: true,
      }),
      "/actions/{code}/updates": {
        post: {
          operationId: "submitUpdate",
          summary: "Submit a progress update",
          description:
            "Creates an update in the state submitted, authored by the token's analyst. It is public only after an admin publishes it. Limited per token per minute.",
          tags: ["Write"],
          security: [{ bearerAuth: [] }],
          parameters: [{ name: "code", in: "path", required: true, description: "Action code, for example A1.", schema: { type: "string" } }],
          requestBody: { required: true, content: json(ref("UpdateInput")) },
          responses: {
            "201": {
              description: "Created and awaiting review.",
              headers: { Location: { description: "The action the update belongs to.", schema: { type: "string" } } },
              content: json(ref("UpdateCreated")),
            },
            "400": errorResponse("Malformed JSON, or invalid fields (see fieldErrors)."),
            "401": errorResponse("Missing, unknown or revoked token."),
            "404": errorResponse("No action with this code."),
            "413": errorResponse("The body is too large."),
            "429": errorResponse("Too many requests.", { "Retry-After": { description: "Seconds until the next window.", schema: { type: "integer" } } }),
            "503": errorResponse("The service is unavailable right now."),
          },
        },
      },
      "/summary": getOperation("getSummary", "Headline figures", "SummaryResponse"),
      "/rounds": getOperation("listRounds", "List reporting rounds", "RoundList", { description: "With asOf or round, only rounds closed by then." }),
      "/rounds/{slug}": getOperation("getRound", "One reporting round with the plan as of it", "RoundDetailResponse", {
        description: "The round is its own view; asOf and round are validated but do not change it.",
        pathParams: [{ name: "slug", in: "path", required: true, description: "Short name of the round.", schema: { type: "string" } }],
        notFound: true,
      }),
      "/openapi.json": {
        get: {
          operationId: "getOpenApi",
          summary: "This document",
          tags: ["Read"],
          parameters: [{ name: "If-None-Match", in: "header", description: "An ETag from an earlier answer; an unchanged document gives 304.", schema: { type: "string" } }],
          responses: {
            "200": { description: "OpenAPI 3.1 document.", headers: cachingHeaders, content: json({ type: "object" }) },
            "304": { description: "Not modified: the ETag still matches.", headers: cachingHeaders },
          },
        },
      },
    },
    components: {
      schemas,
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "An API token (pt_…) created by an admin under API tokens." } },
    },
  };
}
