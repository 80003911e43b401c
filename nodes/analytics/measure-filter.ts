import type { AnalyticsFilter, MeasureRow } from './schema';

export interface MeasureFilters {
  dimension: AnalyticsFilter[];
  measure: AnalyticsFilter[];
}

export class FilterSettingsError extends Error {}

/** Filters as saved by the editor: an array of {name, filters}, or JSON text of one (the vendor prints "Filters"). */
export function parseFilters(value: unknown, what: string): AnalyticsFilter[] {
  let list = value;
  if (typeof value === 'string') {
    if (!value.trim()) return [];
    try {
      list = JSON.parse(value);
    } catch {
      throw new FilterSettingsError(`${what} filters are not JSON: write [{"name": "agentId", "filters": ["jsmith"]}]`);
    }
  }
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new FilterSettingsError(`${what} filters must be a list of {name, filters}`);
  return list.map((item, i) => {
    const entry = item as { name?: unknown; filters?: unknown; Filters?: unknown };
    const values = entry.filters ?? entry.Filters;
    if (typeof entry.name !== 'string' || !entry.name || !Array.isArray(values)) throw new FilterSettingsError(`${what} filter ${i + 1} needs a name and a list of filters`);
    return { name: entry.name, filters: values.map(String) };
  });
}

/**
 * The subscription cannot narrow the data (the server ignores filters, digest §4.5), so the node does: a row
 * passes when each dimension filter names one of its keys' values and each measure filter one of its measures'
 * current values (the merged row, so a delta that lacks the measure is judged by what the row holds).
 */
export function passesFilters(filters: MeasureFilters, row: MeasureRow, removed = false): boolean {
  for (const f of filters.dimension) if (!f.filters.includes(String(row.dimension[f.name] ?? ''))) return false;
  // A removed row has no measures left to judge: its removal still concerns whoever saw the row.
  if (removed) return true;
  for (const f of filters.measure) if (!f.filters.includes(String(row.measures[f.name] ?? ''))) return false;
  return true;
}
