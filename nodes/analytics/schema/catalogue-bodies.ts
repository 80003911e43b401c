/**
 * The REST bodies besides producers (digest §4.2, §4.4, §4.7): sources, a producer's dictionary
 * and AdminData dimension data. Only `sourceId` is documented, so everything else is passed on as
 * the server sent it.
 */
import { isPlainObject, jsonType } from '../../shared/describe';
import { idText, listEntries, parsedJson } from './rest-json';

export interface AnalyticsSource {
  sourceId: string;
  [k: string]: unknown;
}

export function parseSources(text: string): AnalyticsSource[] {
  const what = 'Sources response';
  const entries = listEntries(parsedJson(text, what), what, ['sources', 'data', 'items'], 'sourceId');
  return entries.map((entry, i) => {
    if (!isPlainObject(entry)) throw new Error(`${what} entry ${i} is not a JSON object (got ${jsonType(entry)})`);
    const sourceId = idText(entry.sourceId);
    if (sourceId === undefined) {
      throw new Error(`${what} entry ${i} has ${entry.sourceId === undefined ? 'no sourceId' : `an unusable sourceId (${jsonType(entry.sourceId)})`}`);
    }
    return { ...entry, sourceId };
  });
}

/** The dictionary's shape is undocumented (its screenshot is lost): any JSON object or array, unchanged. */
export function parseDictionary(text: string): unknown {
  const what = 'Dictionary response';
  const root = parsedJson(text, what);
  if (!isPlainObject(root) && !Array.isArray(root)) throw new Error(`${what} is not a JSON object or list (got ${jsonType(root)})`);
  return root;
}

/**
 * Dimension data records. The shape is undocumented: a bare array of records is expected, and an
 * object wrapping one (`{"data": […]}`, `{"records": […]}`, `{"Agent": […]}`, any single array
 * member) is unwrapped. A bare value in the list (a channel name, say) becomes `{ value }`.
 */
export function parseDimensionData(text: string): Record<string, unknown>[] {
  const what = 'Dimension data response';
  const entries = listEntries(parsedJson(text, what), what, ['data', 'records', 'items', 'dimData', 'dimdata', 'dimensionData', 'values']);
  return entries.map((entry) => (isPlainObject(entry) ? entry : { value: entry }));
}
