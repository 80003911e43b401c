/**
 * One WebSocket frame from the Data Publisher in, one classified frame out (digest §5.3, §5.4).
 * Never throws. The checks run in the digest's order: the bare `--heartbeat--` text, JSON at all,
 * then the heartbeat, pumpupComplete and pumpup flags, a measure row (dimension + realtimeData),
 * a status reply, anything else. Both wire encodings are read: `dimension` and `realtimeData` as
 * objects, or as JSON strings holding objects with the extended envelope around them.
 */
import { clip, clipLong, isPlainObject, jsonType } from '../../shared/describe';
import { parseFailure, type ParseFailure } from '../../shared/parse-result';
import { idText } from './rest-json';

/** The plain-text keep-alive, sent by both sides; it is not JSON. */
export const KEEPALIVE = '--heartbeat--';

export type AnalyticsFrame =
  | { kind: 'keepalive' }
  | { kind: 'heartbeat'; producerId?: string; sourceId?: string }
  | {
    kind: 'pumpupComplete';
    producerId?: string;
    sourceId?: string;
    pumpupIdentifier?: string;
    /** Empty on the documented marker; the RoutingService example also carries a row here, to be handled as data too. */
    dimension: Record<string, string>;
    realtimeData: Record<string, unknown>;
  }
  | {
    kind: 'measures';
    /** True for a snapshot row, false for a live delta. */
    pumpup: boolean;
    dimension: Record<string, string>;
    /** Only the measures that changed, each value as sent (number, string, boolean or null). */
    realtimeData: Record<string, unknown>;
    producerId?: string;
    sourceId?: string;
    /** `UPSERT` in every example; a delete event exists and is most likely `DELETE`. */
    eventAction?: string;
    pumpupIdentifier?: string | null;
    /** `string` when dimension or realtimeData arrived JSON-encoded. */
    wireForm: 'object' | 'string';
    warnings: string[];
  }
  | { kind: 'status'; status?: number; message?: string; guid?: string; raw: Record<string, unknown> }
  | { kind: 'other'; raw: unknown }
  | { kind: 'invalid'; failure: ParseFailure };

type Decoded = { value: Record<string, unknown>; wasString: boolean; failure?: undefined } | { failure: ParseFailure };
type Body = { dimension: Record<string, string>; realtimeData: Record<string, unknown>; wireForm: 'object' | 'string'; warnings: string[] };

export function parseAnalyticsFrame(text: string): AnalyticsFrame {
  if (typeof text !== 'string') return invalid(`Frame is not text (got ${jsonType(text)})`, []);
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (json.trim() === KEEPALIVE) return { kind: 'keepalive' };
  if (json.trim() === '') return invalid('Frame is empty', []);
  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch (err) {
    return invalid(`Frame is neither ${KEEPALIVE} nor valid JSON: ${clipLong((err as Error).message)}`, []);
  }
  if (!isPlainObject(root)) return { kind: 'other', raw: root };

  const ids = identifiers(root);
  if (flag(root.heartbeat)) return { kind: 'heartbeat', ...ids };
  if (flag(root.pumpupComplete)) {
    const body = decodeBody(root, false);
    if ('failure' in body) return { kind: 'invalid', failure: body.failure };
    const pumpupIdentifier = typeof root.pumpupIdentifier === 'string' ? { pumpupIdentifier: root.pumpupIdentifier } : {};
    return { kind: 'pumpupComplete', ...ids, ...pumpupIdentifier, dimension: body.dimension, realtimeData: body.realtimeData };
  }
  const pumpup = flag(root.pumpup);
  if (pumpup || (root.dimension !== undefined && root.realtimeData !== undefined)) return measures(root, pumpup, ids);
  if (root.status !== undefined || root.code !== undefined || root.error !== undefined) return status(root);
  return { kind: 'other', raw: root };
}

function measures(root: Record<string, unknown>, pumpup: boolean, ids: { producerId?: string; sourceId?: string }): AnalyticsFrame {
  const body = decodeBody(root, true);
  if ('failure' in body) return { kind: 'invalid', failure: body.failure };
  const frame: AnalyticsFrame = { kind: 'measures', pumpup, dimension: body.dimension, realtimeData: body.realtimeData, ...ids, wireForm: body.wireForm, warnings: body.warnings };
  if (typeof root.eventAction === 'string') frame.eventAction = root.eventAction;
  else if (root.eventAction !== undefined && root.eventAction !== null) frame.warnings.push(`eventAction ignored: expected a string (got ${jsonType(root.eventAction)})`);
  if (typeof root.pumpupIdentifier === 'string' || root.pumpupIdentifier === null) frame.pumpupIdentifier = root.pumpupIdentifier;
  else if (root.pumpupIdentifier !== undefined) frame.warnings.push(`pumpupIdentifier ignored: expected a string or null (got ${jsonType(root.pumpupIdentifier)})`);
  if (Object.keys(frame.dimension).length === 0) frame.warnings.push('dimension is empty: the row has no key');
  return frame;
}

/** A data row needs its dimension; the pumpupComplete marker may leave both members out. */
function decodeBody(root: Record<string, unknown>, rowRequired: boolean): Body | { failure: ParseFailure } {
  const warnings: string[] = [];
  const dimension = objectMember(root, 'dimension', rowRequired);
  if (dimension.failure) return dimension;
  const realtimeData = objectMember(root, 'realtimeData', false);
  if (realtimeData.failure) return realtimeData;
  if (rowRequired && (root.realtimeData === undefined || root.realtimeData === null)) warnings.push('realtimeData is missing: read as no measures');
  const values = dimensionValues(dimension.value, warnings);
  if (values.failure) return values;
  return {
    dimension: values.dimension,
    realtimeData: realtimeData.value,
    wireForm: dimension.wasString || realtimeData.wasString ? 'string' : 'object',
    warnings,
  };
}

function objectMember(root: Record<string, unknown>, field: string, required: boolean): Decoded {
  const value = root[field];
  if (value === undefined || value === null) {
    return required ? failure(`Measure frame has ${value === null ? `a null ${field}` : `no ${field}`}; expected an object`, field) : { value: {}, wasString: false };
  }
  if (isPlainObject(value)) return { value, wasString: false };
  if (typeof value !== 'string') return failure(`${field} must be an object or a JSON string holding one (got ${jsonType(value)})`, field);
  if (value.trim() === '') return { value: {}, wasString: true };
  let decoded: unknown;
  try {
    decoded = JSON.parse(value);
  } catch (err) {
    return failure(`${field} is a string but not valid JSON: ${clipLong((err as Error).message)}`, field);
  }
  if (!isPlainObject(decoded)) return failure(`${field} is a JSON string holding ${jsonType(decoded)}; expected an object`, field);
  return { value: decoded, wasString: true };
}

/** Map<String,String> on the wire; numbers and booleans are written out, anything else is kept as its JSON text and flagged. */
function dimensionValues(value: Record<string, unknown>, warnings: string[]): { dimension: Record<string, string>; failure?: undefined } | { failure: ParseFailure } {
  const entries: [string, string][] = [];
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string') entries.push([key, item]);
    else if (typeof item === 'number' || typeof item === 'boolean') entries.push([key, String(item)]);
    else {
      const text = jsonText(item);
      if (text === undefined) {
        const message = `dimension.${clip(key)} is nested too deeply to keep as its JSON text`;
        return { failure: parseFailure(message, [{ path: ['dimension', key], message }]) };
      }
      entries.push([key, text]);
      warnings.push(`dimension.${clip(key)} is ${jsonType(item)}, kept as its JSON text`);
    }
  }
  // fromEntries, not assignment: a key named __proto__ must stay a key.
  return { dimension: Object.fromEntries(entries) };
}

/** JSON.parse reads nesting of any depth, but JSON.stringify recurses and overflows the stack a few thousand levels down. */
function jsonText(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/** The documented shape is unknown (§16.11): `status` or `code` as a number, `message` or `error` as text. */
function status(root: Record<string, unknown>): AnalyticsFrame {
  const frame: AnalyticsFrame = { kind: 'status', raw: root };
  const code = [root.status, root.code].map(statusCode).find((value) => value !== undefined);
  if (code !== undefined) frame.status = code;
  const message = [root.message, root.error, root.reason].find((value): value is string => typeof value === 'string');
  if (message !== undefined) frame.message = message;
  const guid = idText(root.guid);
  if (guid !== undefined) frame.guid = guid;
  return frame;
}

function statusCode(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  return typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
}

function identifiers(root: Record<string, unknown>): { producerId?: string; sourceId?: string } {
  const ids: { producerId?: string; sourceId?: string } = {};
  const producerId = idText(root.producerId);
  if (producerId !== undefined) ids.producerId = producerId;
  const sourceId = idText(root.sourceId);
  if (sourceId !== undefined) ids.sourceId = sourceId;
  return ids;
}

/** Booleans on the wire; the string "true" is read as true, since the document's samples are hand-typed. */
function flag(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

function failure(message: string, field: string): { failure: ParseFailure } {
  return { failure: parseFailure(message, [{ path: [field], message }]) };
}

function invalid(message: string, path: (string | number)[]): AnalyticsFrame {
  return { kind: 'invalid', failure: parseFailure(message, [{ path, message }]) };
}
