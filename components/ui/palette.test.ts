import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The palette in app/globals.css meets WCAG 2.2 contrast: 4.5:1 for text
 * (1.4.3) and 3:1 for the status colours, which paint icons, chart bars
 * and legend swatches (non-text contrast, 1.4.11), against white.
 */
const css = readFileSync(path.join(process.cwd(), "app", "globals.css"), "utf8");
const root = css.slice(css.indexOf(":root"), css.indexOf("}", css.indexOf(":root")));

function variables(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, name, value] of root.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;/g)) if (name && value) out[name] = value;
  return out;
}

function rgb(hex: string): [number, number, number] {
  let h = hex.replace("#", "");
  if (h.length === 3) h = [...h].map((c) => c + c).join("");
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const vars = variables();
const color = (name: string): string => {
  const value = vars[name];
  if (!value) throw new Error(`--${name} is not a hex colour in :root of app/globals.css`);
  return value;
};

// Every foreground/background pair the stylesheets use for text.
const TEXT_PAIRS: [string, string][] = [
  ["color-text", "color-bg"],
  ["color-text", "color-surface"],
  ["color-text", "color-warning-bg"],
  ["color-muted", "color-bg"],
  ["color-muted", "color-surface"],
  ["color-accent", "color-bg"],
  ["color-accent", "color-surface"],
  ["color-accent-text", "color-accent"],
  ["color-accent-text", "color-danger"],
  ["color-danger", "color-bg"],
  ["color-success", "color-bg"],
];

describe("palette contrast", () => {
  it("computes WCAG contrast ratios", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it.each(TEXT_PAIRS)("text --%s on --%s is at least 4.5:1", (fg, bg) => {
    expect(contrast(color(fg), color(bg))).toBeGreaterThanOrEqual(4.5);
  });

  const statuses = Object.keys(vars).filter((k) => k.startsWith("status-"));

  it("defines the eight status colours", () => {
    expect(statuses).toHaveLength(8);
  });

  it.each(statuses)("--%s is at least 3:1 against white", (name) => {
    expect(contrast(color(name), "#ffffff")).toBeGreaterThanOrEqual(3);
  });

  it("keeps the status colours apart from one another", () => {
    // No two statuses share a colour; shapes and text tell them apart as well.
    expect(new Set(statuses.map((s) => color(s).toLowerCase())).size).toBe(statuses.length);
  });
});
