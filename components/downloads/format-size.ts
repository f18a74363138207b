/** Picks the unit a reader expects for a file size; the message formats the number per locale. */
export function sizeParts(bytes: number): { key: "bytes" | "kilobytes" | "megabytes"; value: number } {
  if (bytes < 1024) return { key: "bytes", value: bytes };
  if (bytes < 1024 * 1024) return { key: "kilobytes", value: bytes / 1024 };
  return { key: "megabytes", value: bytes / (1024 * 1024) };
}
