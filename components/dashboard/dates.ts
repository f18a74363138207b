/** How the dashboards show a date: in the page language, read in UTC. */
export const DATE_STYLE = { dateStyle: "medium", timeZone: "UTC" } as const;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date ("YYYY-MM-DD") is read as UTC midnight and timestamps as
 * given, so that with a UTC formatter the day shown never shifts with the
 * server's time zone.
 */
export function toDate(value: string): Date {
  return new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
}

/** The `dateTime` attribute of a `<time>` element: calendar dates stay dates. */
export function machineDate(value: string): string {
  return DATE_ONLY.test(value) ? value : toDate(value).toISOString();
}
