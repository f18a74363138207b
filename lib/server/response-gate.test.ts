import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markDatabaseDown, markDatabaseUp } from "./db-status";
import { dropResponseCache } from "./response-cache";
import { gateRequest } from "./response-gate";

// Stand-ins for the ways Next writes a response.
const page = `<!DOCTYPE html><html><head><script src="/a.js" async=""></script></head><body>${"<p>計劃 text</p>".repeat(200)}<script>self.__next_f.push([1,"\\u003cb\\u003e"])</script></body></html>`;
const handlers: Record<string, (res: ServerResponse) => void> = {
  // A cached page: one res.end(payload) with its length set (send-payload.js).
  "/cached": (res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Content-Length", Buffer.byteLength(page));
    res.setHeader("ETag", '"abc"');
    res.end(page);
  },
  // A streamed render whose chunks cut a script tag in two.
  "/streamed": (res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.write("<html><body><p>one</p><scr");
    res.write(Buffer.from('ipt src="/b.js"></script><script>1</script>'));
    setTimeout(() => res.end("<script>2</script></body></html>"), 5);
  },
  // A page Next served from its own cache.
  "/hit": (res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("x-nextjs-cache", "HIT");
    res.setHeader("Cache-Control", "s-maxage=3600");
    res.end(page);
  },
  // A HIT whose tags are expired while it is being sent: it must not be kept.
  "/hit-during-expiry": (res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("x-nextjs-cache", "HIT");
    dropResponseCache();
    res.end(page);
  },
  "/json": (res) => {
    const body = JSON.stringify({ html: "<script>x</script>".repeat(100) });
    res.setHeader("Content-Type", "application/json");
    res.setHeader("Content-Length", Buffer.byteLength(body));
    res.end(body);
  },
  "/error": (res) => {
    res.statusCode = 500;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end("<html><body>Internal error<script>3</script></body></html>");
  },
  "/error-writehead": (res) => {
    res.writeHead(500, "Internal Server Error", { "Content-Type": "text/plain" });
    res.end("failed");
  },
};

let server: Server;
let base: string;
let handled = 0;
const calls: Record<string, number> = {};

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (!gateRequest(req, res, { dev: false, production: true, trustProxy: false, compress: true, responseCacheMs: 60_000 })) return;
    handled++;
    const path = new URL(req.url ?? "/", "http://x").pathname;
    calls[path] = (calls[path] ?? 0) + 1;
    handlers[path]!(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Reply = { status: number; headers: IncomingHttpHeaders; body: Buffer };
function send(path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method: options.method ?? "GET", headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

function nonceOf(reply: Reply): string {
  return /'nonce-([^']+)'/.exec(String(reply.headers["content-security-policy"]))![1]!;
}

function expectNonces(html: string, nonce: string, count: number) {
  const tags = html.match(/<script[\s>][^>]*>/g) ?? [];
  expect(tags).toHaveLength(count);
  for (const tag of tags) expect(tag).toContain(` nonce="${nonce}"`);
}

describe("gateRequest", () => {
  it("rewrites a cached page sent in one piece, with its new length and no ETag", async () => {
    const a = await send("/cached");
    const b = await send("/cached");
    expect(a.status).toBe(200);
    expect(nonceOf(a)).not.toBe(nonceOf(b));
    expectNonces(a.body.toString(), nonceOf(a), 2);
    expect(Number(a.headers["content-length"])).toBe(a.body.length);
    expect(a.headers.etag).toBeUndefined();
    expect(a.headers["x-frame-options"]).toBe("DENY");
    expect(a.headers["strict-transport-security"]).toContain("max-age=63072000");
  });

  it("rewrites a streamed page, a tag cut across chunks included", async () => {
    const reply = await send("/streamed");
    expect(reply.headers["transfer-encoding"]).toBe("chunked");
    expectNonces(reply.body.toString(), nonceOf(reply), 3);
  });

  it("compresses after the rewrite when the client accepts gzip", async () => {
    const reply = await send("/cached", { headers: { "Accept-Encoding": "gzip" } });
    expect(reply.headers["content-encoding"]).toBe("gzip");
    expect(reply.headers["content-length"]).toBeUndefined();
    expectNonces(gunzipSync(reply.body).toString(), nonceOf(reply), 2);
  });

  it("leaves other content types alone", async () => {
    const reply = await send("/json");
    expect(reply.body.toString()).not.toContain("nonce");
    expect(Number(reply.headers["content-length"])).toBe(reply.body.length);
    expect(reply.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  });

  it("sends no stale length for HEAD", async () => {
    const reply = await send("/cached", { method: "HEAD" });
    expect(reply.status).toBe(200);
    expect(reply.headers["content-length"]).toBeUndefined();
  });

  it("turns a 5xx into 503 + Retry-After only while the database is down", async () => {
    expect((await send("/error")).status).toBe(500);
    markDatabaseDown(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }));
    try {
      for (const path of ["/error", "/error-writehead"]) {
        const reply = await send(path);
        expect(reply.status, path).toBe(503);
        expect(reply.headers["retry-after"]).toBe("5");
      }
      expect((await send("/cached")).status).toBe(200);
    } finally {
      markDatabaseUp();
    }
    expect((await send("/error-writehead")).status).toBe(500);
  });

  it("refuses a cross-site POST before the app sees it", async () => {
    const before = handled;
    const reply = await send("/cached", { method: "POST", headers: { Origin: "https://evil.example" } });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body.toString())).toEqual({ error: "cross-site request refused" });
    expect(reply.headers["content-security-policy"]).toBeDefined();
    expect(handled).toBe(before);
  });
});

describe("the response cache in front of Next", () => {
  const withoutNonce = (reply: Reply) => reply.body.toString().replaceAll(` nonce="${nonceOf(reply)}"`, "");

  it("answers a page Next served as a cache HIT from memory, with a nonce and headers of its own", async () => {
    dropResponseCache();
    const before = calls["/hit"] ?? 0;
    const first = await send("/hit");
    const second = await send("/hit");
    expect(calls["/hit"]).toBe(before + 1);
    expect(second.headers["x-response-cache"]).toBe("HIT");
    expect(first.headers["x-response-cache"]).toBeUndefined();
    expect(nonceOf(second)).not.toBe(nonceOf(first));
    expectNonces(second.body.toString(), nonceOf(second), 2);
    expect(withoutNonce(second)).toBe(withoutNonce(first));
    expect(second.headers["cache-control"]).toBe("s-maxage=3600");
    expect(Number(second.headers["content-length"])).toBe(second.body.length);
  });

  it("goes back to Next once a tag expiry drops it", async () => {
    await send("/hit");
    const before = calls["/hit"] ?? 0;
    dropResponseCache();
    const reply = await send("/hit");
    expect(calls["/hit"]).toBe(before + 1);
    expect(reply.headers["x-response-cache"]).toBeUndefined();
  });

  it("does not keep a response sent while tags expired, nor pages Next rendered, nor router requests", async () => {
    for (const path of ["/hit-during-expiry", "/cached"]) {
      const before = calls[path] ?? 0;
      await send(path);
      await send(path);
      expect(calls[path]).toBe(before + 2);
    }
    await send("/hit");
    const before = calls["/hit"] ?? 0;
    const rsc = await send("/hit", { headers: { RSC: "1" } });
    expect(rsc.headers["x-response-cache"]).toBeUndefined();
    expect(calls["/hit"]).toBe(before + 1);
  });
});
