import { describe, expect, it } from "vitest";
import { embedSnippet } from "./embed-snippet";

describe("embedSnippet", () => {
  it("writes an absolute src when given the origin", () => {
    expect(embedSnippet({ origin: "https://tracker.example.org", path: "/embed/status?asOf=2025-03-01", name: "Actions by status", height: 420 })).toBe(
      '<iframe src="https://tracker.example.org/embed/status?asOf=2025-03-01" title="Actions by status" width="100%" height="420" style="border:0" loading="lazy"></iframe>',
    );
  });

  it("leaves the src relative without an origin, and escapes attribute values", () => {
    expect(embedSnippet({ origin: "", path: "/embed/progress?a=1&b=2", name: 'The "A1" chart', height: 460 })).toBe(
      '<iframe src="/embed/progress?a=1&amp;b=2" title="The &quot;A1&quot; chart" width="100%" height="460" style="border:0" loading="lazy"></iframe>',
    );
  });
});
