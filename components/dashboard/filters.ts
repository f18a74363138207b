import { DISPLAY_STATUSES, type DisplayStatus } from "@/lib/vocabulary";

export type SearchParamValue = string | string[] | undefined;

export type ActionFilters = { status: DisplayStatus | null; vision: string | null };

function first(value: SearchParamValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function isDisplayStatus(value: string): value is DisplayStatus {
  return (DISPLAY_STATUSES as readonly string[]).includes(value);
}

/**
 * Reads the filters from the query string. Anything that is not a known
 * status or vision code is ignored rather than reported: a stale or edited
 * link should still show the list, not an error.
 */
export function parseActionFilters(
  params: Readonly<Record<string, SearchParamValue>>,
  visionCodes: readonly string[],
): ActionFilters {
  const status = first(params.status);
  const vision = first(params.vision);
  return {
    status: status && isDisplayStatus(status) ? status : null,
    vision: vision && visionCodes.includes(vision) ? vision : null,
  };
}

export function filterActions<T extends { status: DisplayStatus; visions: readonly { code: string }[] }>(
  actions: readonly T[],
  filters: ActionFilters,
): T[] {
  return actions.filter(
    (a) =>
      (filters.status === null || a.status === filters.status) &&
      (filters.vision === null || a.visions.some((v) => v.code === filters.vision)),
  );
}

export function hasActiveFilters(filters: ActionFilters): boolean {
  return filters.status !== null || filters.vision !== null;
}
