/*
 * Adds `nonce="…"` to every `<script` start tag of an HTML response (and to
 * `<link rel="preload" as="script">` / `<link rel="modulepreload">`) that has
 * none, as the body streams through the custom server. This is what lets the
 * ISR-cached public pages, rendered once without a nonce, carry a fresh
 * nonce on every response (issue #6) while staying cached (issue #7).
 *
 * Why a byte scan for "<script" is enough, without an HTML parser: the only
 * places the bytes "<script" can occur in a page that Next/React render are
 * real start tags.
 * - Next's inline flight data (self.__next_f.push(…)) and its inlined
 *   bootstrap data go through htmlEscapeJsonString
 *   (node_modules/next/dist/shared/lib/htmlescape.js), which turns every
 *   "<", ">" and "&" into \u003c, \u003e, \u0026.
 * - React's own instruction scripts ($RC, $RS, $RX…) serialise their
 *   arguments with escapeJSObjectForInstructionScripts / escapeJSStringsForInstructionScripts
 *   (same escaping), and the children of any <script> element React renders
 *   are passed through scriptRegex /(<\/|<)(s)(cript)/gi → "<\u0073cript"
 *   (node_modules/next/dist/compiled/react-dom/cjs/react-dom-server.node.production.js).
 * - Text and attribute values are HTML-escaped by React ("<" → "&lt;"),
 *   so user content (narratives, titles) can never contain a raw "<".
 * React writes tag names in lower case, and attribute values never contain a
 * raw ">", so a start tag ends at the first ">" after its name.
 *
 * Cost: two Buffer.indexOf scans per chunk (native, no regex over the
 * document); a regex runs only over the few bytes of a <link> tag. A tag cut
 * across two chunks is carried over (only the bytes from its "<") and
 * completed with the next chunk.
 */

const SCRIPT = Buffer.from("<script", "latin1");
const LINK = Buffer.from("<link", "latin1");
const NONCE_ATTR = Buffer.from("nonce=", "latin1");
const GT = 0x3e;
const LT = 0x3c;
/** A start tag longer than this is not held back any longer (it is passed on unchanged). */
const MAX_CARRY = 64 * 1024;

function isTagNameEnd(byte: number | undefined): boolean {
  // whitespace, ">" or "/" ends the tag name; anything else (e.g. "<scripts", "<linkage") is another name.
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d || byte === GT || byte === 0x2f;
}

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d;
}

const PRELOAD_SCRIPT = /\srel=["']?(?:modulepreload|preload)["'\s/>]/i;
const AS_SCRIPT = /\sas=["']?script["'\s/>]/i;
const MODULEPRELOAD = /\srel=["']?modulepreload["'\s/>]/i;

function linkLoadsScript(tag: string): boolean {
  if (!PRELOAD_SCRIPT.test(tag)) return false;
  return MODULEPRELOAD.test(tag) || AS_SCRIPT.test(tag);
}

/** True when `tail` is a proper prefix of "<script" or "<link" (the start of a tag cut by the chunk end). */
function isPartialTagStart(tail: Buffer): boolean {
  const prefixOf = (needle: Buffer) => tail.length < needle.length && needle.subarray(0, tail.length).equals(tail);
  return prefixOf(SCRIPT) || prefixOf(LINK);
}

export class NonceTransform {
  private readonly attr: Buffer;
  private pending: Buffer | null = null;

  constructor(nonce: string) {
    // A base64 nonce has no quote or "&"; anything else is refused rather than escaped.
    if (!/^[A-Za-z0-9+/=_-]+$/.test(nonce)) throw new Error("invalid nonce");
    this.attr = Buffer.from(` nonce="${nonce}"`, "latin1");
  }

  /** Takes the next chunk of the body; returns what can be sent now (possibly empty). */
  push(chunk: Buffer): Buffer {
    const input = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = null;
    return this.process(input, false);
  }

  /** Returns whatever was held back, at the end of the body. */
  flush(): Buffer {
    const input = this.pending;
    this.pending = null;
    return input ? this.process(input, true) : Buffer.alloc(0);
  }

  private process(buf: Buffer, final: boolean): Buffer {
    const parts: Buffer[] = [];
    let emitted = 0; // bytes of buf already in parts
    let from = 0; // where to search next
    let carryFrom = -1;
    let nextScript = buf.indexOf(SCRIPT, 0);
    let nextLink = buf.indexOf(LINK, 0);

    for (;;) {
      if (nextScript !== -1 && nextScript < from) nextScript = buf.indexOf(SCRIPT, from);
      if (nextLink !== -1 && nextLink < from) nextLink = buf.indexOf(LINK, from);
      const isScript = nextScript !== -1 && (nextLink === -1 || nextScript < nextLink);
      const start = isScript ? nextScript : nextLink;
      if (start === -1) break;
      const nameEnd = start + (isScript ? SCRIPT.length : LINK.length);
      if (nameEnd >= buf.length) {
        // "<script" is the very end of the chunk: the next byte decides whether it is a tag.
        if (!final) carryFrom = start;
        break;
      }
      if (!isTagNameEnd(buf[nameEnd])) {
        from = start + 1;
        continue;
      }
      const end = buf.indexOf(GT, nameEnd);
      if (end === -1) {
        // The tag continues in the next chunk.
        if (!final && buf.length - start <= MAX_CARRY) carryFrom = start;
        break;
      }
      from = end + 1;
      const nonceAt = buf.subarray(nameEnd, end).indexOf(NONCE_ATTR);
      if (nonceAt !== -1 && isSpace(buf[nameEnd + nonceAt - 1])) continue;
      if (!isScript && !linkLoadsScript(buf.toString("latin1", start, end + 1))) continue;
      parts.push(buf.subarray(emitted, nameEnd), this.attr);
      emitted = nameEnd;
    }

    if (carryFrom === -1 && !final) {
      // A "<scr" or "<li" cut by the end of the chunk.
      const lt = buf.lastIndexOf(LT);
      if (lt !== -1 && lt >= from && buf.length - lt < SCRIPT.length && isPartialTagStart(buf.subarray(lt))) carryFrom = lt;
    }
    const stop = carryFrom === -1 ? buf.length : carryFrom;
    if (carryFrom !== -1) this.pending = Buffer.from(buf.subarray(carryFrom));
    if (parts.length === 0) return emitted === 0 && stop === buf.length ? buf : buf.subarray(emitted, stop);
    parts.push(buf.subarray(emitted, stop));
    return Buffer.concat(parts);
  }
}

/** The whole document at once (a cached page sent with one `res.end(html)`). */
export function addNonces(html: Buffer | string, nonce: string): Buffer {
  const transform = new NonceTransform(nonce);
  const first = transform.push(typeof html === "string" ? Buffer.from(html, "utf8") : html);
  const rest = transform.flush();
  return rest.length ? Buffer.concat([first, rest]) : first;
}
