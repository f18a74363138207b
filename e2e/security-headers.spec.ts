import type { APIResponse, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/*
 * Issue #6: the custom server (scripts/server.ts) puts the security headers
 * on every response, gives every response its own CSP nonce (cached pages
 * included) and refuses cross-site writes before Next sees them.
 */

type Headers = Record<string, string>;

function nonceOf(headers: Headers): string {
  const match = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(headers["content-security-policy"] ?? "");
  expect(match, headers["content-security-policy"]).not.toBeNull();
  return match![1]!;
}

function expectSecurityHeaders(headers: Headers, { embed = false } = {}): void {
  const csp = headers["content-security-policy"] ?? "";
  for (const directive of [
    "default-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    embed ? "frame-ancestors *" : "frame-ancestors 'none'",
  ]) {
    expect(csp).toContain(directive);
  }
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'(;|$)/);
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("interest-cohort=()");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  // The browser tests run the production server (NODE_ENV=production).
  expect(headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  if (embed) expect(headers["x-frame-options"]).toBeUndefined();
  else expect(headers["x-frame-options"]).toBe("DENY");
}

/** Every <script> start tag and script preload of the page carries exactly the header's nonce. */
function expectAllScriptsCarry(html: string, nonce: string): void {
  const scripts = html.match(/<script[\s>][^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, tag).toContain(` nonce="${nonce}"`);
  const preloads = (html.match(/<link[^>]*>/g) ?? []).filter((tag) => /rel="(?:preload|modulepreload)"/.test(tag) && /as="script"|modulepreload/.test(tag));
  for (const tag of preloads) expect(tag, tag).toContain(` nonce="${nonce}"`);
  expect(html.match(/ nonce="([^"]+)"/g)?.every((a) => a === ` nonce="${nonce}"`)).toBe(true);
}

async function html(response: APIResponse): Promise<string> {
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/html");
  return response.text();
}

/** Records CSP violations (event and console) from the first script on, for every page the test opens. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

test.describe("security headers", () => {
  test("public, login, API and embed responses carry the full set; only embeds may be framed", async ({ request }) => {
    for (const path of ["/", "/actions/A6", "/visions/V5", "/actions", "/login", "/api/v1/actions", "/api/health", "/does-not-exist"]) {
      const response = await request.get(path);
      expectSecurityHeaders(response.headers());
    }
    for (const path of ["/embed/status", "/embed/actions/A6"]) {
      const response = await request.get(path);
      expect(response.status()).toBe(200);
      expectSecurityHeaders(response.headers(), { embed: true });
      expectAllScriptsCarry(await response.text(), nonceOf(response.headers()));
    }
    // A signed-out visit to the admin area is a redirect, and it carries them too.
    const redirect = await request.get("/admin", { maxRedirects: 0 });
    expect([302, 307]).toContain(redirect.status());
    expectSecurityHeaders(redirect.headers());
  });

  test("a cached page gets a new nonce on every response, and every script carries it", async ({ request }) => {
    for (const path of ["/", "/actions/A6"]) {
      await request.get(path); // the first request renders and caches the page
      const first = await request.get(path);
      const second = await request.get(path);
      // Still served from the Next.js cache (issue #7), yet each response has its own nonce.
      expect(first.headers()["x-nextjs-cache"], path).toMatch(/HIT|STALE/);
      expect(first.headers()["content-encoding"], path).toBe("gzip");
      expect(second.headers()["x-nextjs-cache"], path).toMatch(/HIT|STALE/);
      const [a, b] = [nonceOf(first.headers()), nonceOf(second.headers())];
      expect(a).not.toBe(b);
      expectAllScriptsCarry(await html(first), a);
      expectAllScriptsCarry(await html(second), b);
      // No ETag: a browser must not revalidate into an old body whose nonce no longer matches.
      expect(first.headers()["etag"]).toBeUndefined();
      // Uncompressed, the body's changed length was recomputed (compressed, it is chunked).
      const plain = await request.get(path, { headers: { "Accept-Encoding": "identity" } });
      expect(plain.headers()["content-encoding"]).toBeUndefined();
      expect(Number(plain.headers()["content-length"])).toBe((await plain.body()).length);
      expectAllScriptsCarry(await html(plain), nonceOf(plain.headers()));
    }
  });

  test("an admin page carries the headers and nonces too", async ({ asAdmin }) => {
    const response = await asAdmin.goto("/admin/review");
    expect(response?.status()).toBe(200);
    const headers = await response!.allHeaders();
    expectSecurityHeaders(headers);
    expectAllScriptsCarry(await response!.text(), nonceOf(headers));
  });

  test("pages hydrate with no CSP violation", async ({ page }) => {
    const violations = await watchCsp(page);
    // A cached public page: the charts are client components and only draw after hydration.
    await page.goto("/");
    await expect(page.locator("figure").filter({ has: page.getByRole("heading", { name: "Actions by status" }) }).locator("svg.recharts-surface").first()).toBeVisible();
    // The login form is a client component: a refused sign-in shows its message without leaving the page.
    await page.goto("/login");
    await page.getByLabel("Email").fill("nobody@csp-test.invalid");
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    expect(page.url()).not.toContain("password=");
    // An embed, framed by another site.
    await page.goto("/embed/status");
    await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("the signed-in workspace hydrates with no CSP violation", async ({ asAnalyst }) => {
    const violations = await watchCsp(asAnalyst);
    await asAnalyst.goto("/admin");
    await expect(asAnalyst.getByRole("button", { name: "Submit for review" })).toBeVisible();
    await asAnalyst.goto("/admin/import");
    await expect(asAnalyst.getByRole("heading", { level: 1 })).toBeVisible();
    expect(violations).toEqual([]);
  });
});

test.describe("cross-site writes", () => {
  const evil = { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" };

  test("are refused with 403 for server actions, the import API and next-auth", async ({ request, baseURL }) => {
    const targets: { path: string; headers?: Record<string, string> }[] = [
      // A server action is a POST to a page URL with a Next-Action header.
      { path: "/en/admin", headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8" } },
      { path: "/api/imports" },
      { path: "/api/auth/callback/credentials", headers: { "Content-Type": "application/x-www-form-urlencoded" } },
      { path: "/api/auth/signout" },
    ];
    for (const { path, headers } of targets) {
      const crossSite: Record<string, string>[] = [evil, { Origin: "https://evil.example" }, { "Sec-Fetch-Site": "cross-site" }, { Origin: "null" }];
      for (const cross of crossSite) {
        const response = await request.post(path, { headers: { ...headers, ...cross }, data: "email=a&password=b", maxRedirects: 0 });
        expect(response.status(), `${path} ${JSON.stringify(cross)}`).toBe(403);
        expect(await response.json()).toEqual({ error: "cross-site request refused" });
        expectSecurityHeaders(response.headers());
      }
      // The same request from the site itself reaches the app (whatever the app then answers).
      const same = await request.post(path, { headers: { ...headers, Origin: baseURL!, "Sec-Fetch-Site": "same-origin" }, data: "email=a&password=b", maxRedirects: 0 });
      expect(same.status(), path).not.toBe(403);
    }
    // Reads are never refused, whatever their origin.
    expect((await request.get("/api/v1/actions", { headers: evil })).status()).toBe(200);
  });

  test("machine clients with a bearer token may call the write API from anywhere", async ({ request }) => {
    const response = await request.post("/api/v1/actions/A1/updates", { headers: { ...evil, Authorization: "Bearer not-a-real-token" }, data: {} });
    // Past the origin gate: the API itself answers (401 for an unknown token).
    expect(response.status()).toBe(401);
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
    const withoutToken = await request.post("/api/v1/actions/A1/updates", { headers: evil, data: {} });
    expect(withoutToken.status()).toBe(403);
  });

  test("a form on another site cannot post to the login endpoint", async ({ page, baseURL }) => {
    // A page served from another site (intercepted by the browser, never leaves the machine) auto-submits a form here.
    await page.route("http://evil.example/**", (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<form method="post" action="${baseURL}/api/auth/callback/credentials"><input name="email" value="a@b.c"><input name="password" value="x"><button>go</button></form>`,
      }),
    );
    await page.goto("http://evil.example/attack");
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials")), page.getByRole("button", { name: "go" }).click()]);
    expect(response.status()).toBe(403);
    expect(response.request().headers()["origin"]).toBe("http://evil.example");
  });

  // Narratives with HTML (`<img onerror>`) shown as text: covered by another engineer's spec for issue #6.
});
