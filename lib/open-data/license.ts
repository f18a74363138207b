/** The licence the open data is published under; deployments may choose another one. */
export type DataLicense = { name: string; url: string };

export const DEFAULT_LICENSE: DataLicense = { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" };

/** Reads DATA_LICENSE and DATA_LICENSE_URL; an unset name falls back to CC BY 4.0 with its URL. */
export function dataLicense(env: Record<string, string | undefined> = process.env): DataLicense {
  const name = env.DATA_LICENSE?.trim();
  if (!name) return DEFAULT_LICENSE;
  return { name, url: env.DATA_LICENSE_URL?.trim() ?? "" };
}
