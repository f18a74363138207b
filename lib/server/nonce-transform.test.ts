import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addNonces, NonceTransform } from "./nonce-transform";

const N = "AbC+/dEf0123456789xyZ==";
const attr = ` nonce="${N}"`;

// Shaped like a Next 16 page: preloads, external and inline scripts (escaped flight data, React's $RC), a script that
// already has a nonce, look-alike names, escaped user text, CJK text (multi-byte UTF-8, so splits fall mid-character).
const sample = [
  `<!DOCTYPE html><html lang="zh-Hans"><head><meta charSet="utf-8"/>`,
  `<link rel="stylesheet" href="/_next/static/css/a.css" data-precedence="next"/>`,
  `<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack.js"/>`,
  `<link rel="modulepreload" href="/_next/static/chunks/m.js">`,
  `<link rel="preload" as="font" href="/f.woff2" crossorigin="">`,
  `<link rel="icon" href="/icon.svg"/>`,
  `<script src="/_next/static/chunks/main.js" async=""></script>`,
  `<script nonce="already">1</script>`,
  `</head><body><p>计划 &lt;script&gt;alert(1)&lt;/script&gt; <scripts>not a tag</scripts> <linkage/></p>`,
  `<script>(self.__next_f=self.__next_f||[]).push([1,"\\u003cscript\\u003e 计划"])</script>`,
  `<script\n type="text/javascript">$RC("B:0","S:0")</script>`,
  `<script>`,
].join("");

const expected = sample
  .replace(`<link rel="preload" as="script"`, `<link${attr} rel="preload" as="script"`)
  .replace(`<link rel="modulepreload"`, `<link${attr} rel="modulepreload"`)
  .replace(`<script src=`, `<script${attr} src=`)
  .replace(`<script>(self`, `<script${attr}>(self`)
  .replace(`<script\n type`, `<script${attr}\n type`)
  .replace(/<script>$/, `<script${attr}>`);

function runChunks(chunks: Buffer[]): string {
  const t = new NonceTransform(N);
  const out = chunks.map((c) => t.push(c));
  out.push(t.flush());
  return Buffer.concat(out).toString("utf8");
}

describe("addNonces", () => {
  it("adds the nonce to every script tag and script preload, and nothing else", () => {
    const out = addNonces(sample, N).toString("utf8");
    expect(out).toBe(expected);
    // Every real <script start tag now carries exactly one nonce.
    const tags = out.match(/<script[\s>][^>]*>/g) ?? [];
    expect(tags).toHaveLength(5);
    for (const tag of tags) expect(tag.match(/\snonce=/g)).toHaveLength(1);
    expect(out).toContain(`<script nonce="already">`);
    expect(out).toContain(`<link rel="preload" as="font"`);
    expect(out).toContain(`<link rel="stylesheet"`);
    expect(out).toContain("<scripts>not a tag</scripts> <linkage/>");
  });

  it("returns the same bytes when there is nothing to change", () => {
    const html = Buffer.from("<p>no scripts here</p>");
    expect(addNonces(html, N)).toBe(html);
  });

  it("refuses a nonce that could break out of the attribute", () => {
    expect(() => new NonceTransform(`x" onload="alert(1)`)).toThrow();
  });
});

describe("NonceTransform across chunk boundaries", () => {
  const bytes = Buffer.from(sample, "utf8");

  it("gives the same result for a split at every offset", () => {
    for (let i = 0; i <= bytes.length; i++) {
      expect(runChunks([bytes.subarray(0, i), bytes.subarray(i)]), `split at ${i}`).toBe(expected);
    }
  });

  it("gives the same result for every pair of split points", () => {
    for (let i = 0; i <= bytes.length; i += 3) {
      for (let j = i; j <= bytes.length; j += 7) {
        expect(runChunks([bytes.subarray(0, i), bytes.subarray(i, j), bytes.subarray(j)]), `split at ${i}, ${j}`).toBe(expected);
      }
    }
  });

  it("gives the same result one byte at a time", () => {
    expect(runChunks([...bytes].map((b) => Buffer.from([b])))).toBe(expected);
  });

  it("gives the same result for random splits of random documents", () => {
    const piece = fc.constantFrom("<script>", "<script src=x>", "<link rel=preload as=script>", "<link rel=icon>", "<scr", "<li", "<", ">", "x", "计", "<script nonce=q>", "<scripts>");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6 }), (pieces, cuts) => {
        const doc = Buffer.from(pieces.join(""), "utf8");
        const whole = addNonces(doc, N).toString("utf8");
        const points = [...new Set(cuts.map((c) => c % (doc.length + 1)))].sort((a, b) => a - b);
        const chunks: Buffer[] = [];
        let last = 0;
        for (const p of points) {
          chunks.push(doc.subarray(last, p));
          last = p;
        }
        chunks.push(doc.subarray(last));
        expect(runChunks(chunks)).toBe(whole);
      }),
    );
  });

  it("holds back only an unfinished tag, never the rest of the chunk", () => {
    const t = new NonceTransform(N);
    expect(t.push(Buffer.from("<p>hello</p><scr")).toString()).toBe("<p>hello</p>");
    expect(t.push(Buffer.from("ipt src=a")).toString()).toBe("");
    expect(t.push(Buffer.from(">x</script>")).toString()).toBe(`<script${attr} src=a>x</script>`);
    expect(t.flush().length).toBe(0);
  });

  it("passes on an unfinished tag at the end of the body unchanged", () => {
    const t = new NonceTransform(N);
    const first = t.push(Buffer.from("ok<script src=a"));
    expect(Buffer.concat([first, t.flush()]).toString()).toBe("ok<script src=a");
  });
});
