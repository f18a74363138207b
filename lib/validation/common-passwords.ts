import { dictionary } from "@zxcvbn-ts/language-common";

/*
 * The ~49,000 most common passwords of public breach corpora, as maintained
 * by zxcvbn-ts. Server-side only: the list is ~380 kB, so no client component
 * may import this module (forms show the server's field message instead).
 * The Set is built on the first check, once per process.
 */
let common: Set<string> | null = null;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}
