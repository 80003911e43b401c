import { gsonDate } from './gson-date';

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** 'camel': the probable wire keys of §7. 'printed': the spellings in the document's tables (§4). */
export type PomKeyStyle = 'camel' | 'printed';

/** Every timestamp field of the ten families; only numbers under these keys become Gson dates. */
const DATE_KEYS: ReadonlySet<string> = new Set([
  'eventTimeStamp', 'timestamp', 'jobEndTime', 'eventCreationTimestamp', 'contactAttemptTime', 'processedTimeStamp',
  'jobStartTime', 'estimatedJobEndTime', 'loginTimeStamp', 'logoutTimeStamp', 'lastRelToInboundTimeStamp',
  'lastAcqToOutboundTimeStamp', 'currentAgentStateTimeStamp', 'currentAgentCallStateTimeStamp',
  'currentAgentNailStateTimeStamp', 'currentAgentJobStateTimeStamp', 'lastJobAttachTimeStamp',
  'lastJobDetachTimeStamp', 'jobAttachTimeStamp', 'startTime', 'time',
]);

interface Rename {
  /** Path of canonical keys; `[]` is any array element and `*` any key of a map. */
  path: string[];
  printed: string;
  when?: (owner: JsonObject) => boolean;
}

const rename = (path: string, printed: string, when?: Rename['when']): Rename => ({ path: path.split('.'), printed, when });
const capitalizeAll = (prefix: string, keys: string[]): Rename[] =>
  keys.map((k) => rename(`${prefix}${k}`, k[0].toUpperCase() + k.slice(1)));
const CODE_KEYS = ['name', 'count', 'rpc', 'success', 'closure'];

/**
 * Where the tables print a key differently from its probable wire spelling (§7). Keys whose printed form is
 * also the likeliest wire form (`assignedskills`, `calltype`, `pimsessionid`, `spacingType`, ...) are not
 * listed: both styles write them as printed. CCTrends keys follow the document's own JSON sample in both
 * styles, because that sample is the only wire evidence and it contradicts the table headings.
 */
const PRINTED_KEYS: Partial<Record<string, Rename[]>> = {
  ATTEMPT: [rename('address', 'Address'), rename('subtype', 'Subtype'), rename('action', 'Action')],
  ENRICHED_ATTEMPT_RESULT: [rename('address', 'Address'), rename('awaiting', 'Awaiting')],
  AGENT_STATISTICS: [
    rename('agentId', 'Agentid'),
    rename('agentName', 'Agentname'),
    rename('locale', 'Locale'),
    ...capitalizeAll('allJobComplnCodeInfo.*.', [...CODE_KEYS, 'id']),
    ...capitalizeAll('currentAttachJobHandlerInfo.complnCodeInfo.*.', [...CODE_KEYS, 'id']),
  ],
  IMPORT_STATISTICS: capitalizeAll('', ['type', 'status', 'detail', 'stats']),
  INBOUND_SKILL: [rename('skill', 'Skill')],
  JOB_STATISTICS: [
    ...capitalizeAll('contactListInfoList.[].', ['rpc', 'success', 'closure']),
    rename('handlerInfoList.[].skill', 'Skill'),
    rename('handlerInfoList.[].zoneId', 'zoneld'),
    rename('handlerInfoList.[].agentJobHandlerInfo.zoneId', 'zoneld'),
    // CruiseControlPacingParameterInfo is the one table that prints `priority` in lower case.
    rename('handlerInfoList.[].pacingParameter.priority', 'Priority', (o) => !String(o.pacingType).startsWith('CruiseControl')),
    ...capitalizeAll('handlerInfoList.[].completionCodeMap.*.', CODE_KEYS),
  ],
};

export interface EncodeOptions {
  keyStyle: PomKeyStyle;
  /** Write every timestamp as a Gson date string instead of epoch ms. */
  gson: boolean;
}

/** The record value: one JSON object, no envelope (§2.2). */
export function encodePayload(family: string, payload: JsonObject, opts: EncodeOptions): string {
  const renames = opts.keyStyle === 'printed' ? PRINTED_KEYS[family] ?? [] : [];
  return JSON.stringify(transform(payload, [], renames, opts.gson));
}

function transform(value: JsonValue, path: string[], renames: Rename[], gson: boolean): JsonValue {
  if (Array.isArray(value)) return value.map((item) => transform(item, [...path, '[]'], renames, gson));
  if (value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    const childPath = [...path, key];
    const rule = renames.find((r) => matches(r.path, childPath) && (!r.when || r.when(value)));
    const converted = gson && DATE_KEYS.has(key) && typeof child === 'number' ? gsonDate(child) : child;
    out[rule ? rule.printed : key] = transform(converted, childPath, renames, gson);
  }
  return out;
}

function matches(pattern: string[], path: string[]): boolean {
  return pattern.length === path.length && pattern.every((seg, i) => seg === '*' || seg === path[i]);
}
