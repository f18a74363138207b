import { afterEach, describe, expect, it } from "vitest";
import { dropResponseCache, keepResponse, lookupResponse, responseCacheGeneration, responseCacheKey, responseCacheMs } from "./response-cache";

const hit = { statusCode: 200, headers: { "content-type": "text/html; charset=utf-8", "x-nextjs-cache": "HIT", "content-security-policy": "old", "content-length": "4" }, excludeHeaders: ["Content-Security-Policy"] };
const body = Buffer.from("<p>");

describe("response cache", () => {
  afterEach(() => dropResponseCache());

  it("keys only plain GET/HEAD page requests, and gives negotiated / a key of its own", () => {
    const req = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers });
    expect(responseCacheKey(req("GET", "/actions/A1"))).toBe("/actions/A1");
    expect(responseCacheKey(req("POST", "/actions/A1"))).toBeNull();
    expect(responseCacheKey(req("GET", "/actions/A1?_rsc=abc"))).toBeNull();
    expect(responseCacheKey(req("GET", "/actions/A1", { rsc: "1" }))).toBeNull();
    expect(responseCacheKey(req("GET", "/", { "accept-language": "zh-CN,zh;q=0.9" }))).not.toBe("/");
    expect(responseCacheKey(req("GET", "/", { "accept-language": "zh-CN", cookie: "NEXT_LOCALE=en" }))).toBe("/");
    expect(responseCacheKey(req("GET", "/", { "accept-language": "en-GB" }))).toBe("/");
  });

  it("keeps only 200 HTML HITs, without per-response headers, until it expires", () => {
    const generation = responseCacheGeneration();
    expect(keepResponse("/a", { ...hit, statusCode: 404 }, body, generation, 1000, 0)).toBe(false);
    expect(keepResponse("/a", { ...hit, headers: { ...hit.headers, "x-nextjs-cache": "MISS" } }, body, generation, 1000, 0)).toBe(false);
    expect(keepResponse("/a", { ...hit, headers: { ...hit.headers, "content-type": "application/json" } }, body, generation, 1000, 0)).toBe(false);
    expect(keepResponse("/a", hit, body, generation, 1000, 0)).toBe(true);
    const entry = lookupResponse("/a", 999);
    expect(entry?.body.toString()).toBe("<p>");
    expect(Object.fromEntries(entry!.headers)).toEqual({ "content-type": "text/html; charset=utf-8", "x-nextjs-cache": "HIT" });
    expect(lookupResponse("/a", 1000)).toBeNull();
  });

  it("refuses a response begun before a drop, and forgets everything on a drop", () => {
    const generation = responseCacheGeneration();
    expect(keepResponse("/a", hit, body, generation, 1000, 0)).toBe(true);
    dropResponseCache();
    expect(lookupResponse("/a", 1)).toBeNull();
    expect(keepResponse("/b", hit, body, generation, 1000, 0)).toBe(false);
  });

  it("reads RESPONSE_CACHE_MS, with 0 meaning off", () => {
    expect(responseCacheMs({})).toBe(2000);
    expect(responseCacheMs({ RESPONSE_CACHE_MS: "0" })).toBe(0);
    expect(responseCacheMs({ RESPONSE_CACHE_MS: "500" })).toBe(500);
    expect(responseCacheMs({ RESPONSE_CACHE_MS: "soon" })).toBe(2000);
  });
});
