import type { CallFilters } from '../api/calls';

/** The filters of the Calls section live in the address (#/calls?direction=incoming), so a filtered log can be linked to. */
export const filterKeys = ['from', 'to', 'direction', 'result', 'number', 'contactId', 'accountId', 'agent', 'sort', 'order'] as const;

export function filtersFromParams(params: URLSearchParams): CallFilters {
  const filters: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }

  return filters as CallFilters;
}

export function filtersToParams(filters: CallFilters): Record<string, string | undefined> {
  const params: Record<string, string | undefined> = {};
  for (const key of filterKeys) params[key] = filters[key] || undefined;
  return params;
}

/** A date field's day as the start of that day in the browser's time zone, in ISO 8601. */
export function dayStart(day: string): string | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T00:00:00`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The day of an ISO moment for a date field, in the browser's time zone. */
export function dayOf(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "To" is exclusive on the server: the day after the last day chosen. */
export function dayEndExclusive(day: string): string | undefined {
  const start = dayStart(day);
  if (!start) return undefined;
  const date = new Date(start);
  date.setDate(date.getDate() + 1);
  return date.toISOString();
}

export function lastDayOf(exclusiveIso: string | undefined): string {
  if (!exclusiveIso) return '';
  const date = new Date(exclusiveIso);
  date.setDate(date.getDate() - 1);
  return dayOf(date.toISOString());
}
