/**
 * Enumerated attributes. The seed names the attributes but not their values, so the value sets are
 * the T-Library ones this event model descends from. They are treated as open: a value outside
 * them is kept as given, because newer releases may add values.
 */
import { foldName } from './attributes';
import { clip } from '../../shared/describe';

export type EnumAttribute = 'AgentWorkMode' | 'ThisDNRole' | 'CallState' | 'CallType';

const DN_ROLES = [
  'Unknown', 'Origination', 'Destination', 'ConferenceMember', 'NewParty', 'AddedBy', 'DeletedBy',
  'TransferredBy', 'DeletedParty', 'ConferencedBy', 'Observer',
] as const;
const CALL_TYPES = ['Unknown', 'Internal', 'Inbound', 'Outbound', 'Consult'] as const;
const CALL_STATE_ORDINALS: readonly (readonly [number, string])[] = [
  [0, 'Ok'], [1, 'Transferred'], [2, 'Conferenced'], [3, 'GeneralError'], [4, 'SystemError'],
  [5, 'RemoteRelease'], [6, 'Busy'], [7, 'NoAnswer'], [8, 'SitDetected'], [9, 'AnsweringMachineDetected'],
  [10, 'AllTrunksBusy'], [11, 'SitInvalidnum'], [12, 'SitVacant'], [13, 'SitIntercept'], [14, 'SitUnknown'],
  [15, 'SitNocircuit'], [16, 'SitReorder'], [17, 'FaxDetected'], [18, 'QueueFull'], [19, 'Cleared'],
  [20, 'Overflowed'], [21, 'Abandoned'], [22, 'Redirected'], [23, 'Forwarded'], [24, 'Consult'],
  [25, 'Pickedup'], [26, 'Dropped'], [27, 'Droppednoanswer'], [28, 'Unknown'], [29, 'Covered'],
  [30, 'ConverseOn'], [31, 'Bridged'], [49, 'Deafened'], [50, 'Held'],
];

interface NameTable {
  byName: Map<string, string>;
  byOrdinal: Map<number, string>;
}

interface EnumTable extends NameTable {
  /**
   * Canonical spellings skip the fold and share one result each: that is the path every record
   * of the default dialect takes. Each entry is resolved through the folded map, so it holds
   * the answer the fold would give.
   */
  exact: Map<string, EnumResult>;
}

function table(ordinals: Iterable<readonly [number, string]>, prefixes: readonly string[]): NameTable {
  const byName = new Map<string, string>();
  const byOrdinal = new Map<number, string>();
  for (const [ordinal, name] of ordinals) {
    byOrdinal.set(ordinal, name);
    byName.set(foldName(name), name);
    for (const prefix of prefixes) byName.set(foldName(prefix + name), name);
  }
  return { byName, byOrdinal };
}

function withExact({ byName, byOrdinal }: NameTable): EnumTable {
  const exact = new Map<string, EnumResult>();
  for (const name of byName.values()) exact.set(name, Object.freeze({ value: byName.get(foldName(name)) as string }));
  return { byName, byOrdinal, exact };
}

// AgentWorkMode's ordinal 2 has two names (a Ready and a NotReady sub-state), so it stays out of
// the ordinal map and is resolved from the event id instead.
const WORK_MODE_ORDINALS: readonly (readonly [number, string])[] = [
  [0, 'Unknown'], [1, 'ManualIn'], [3, 'AfterCallWork'], [4, 'AuxWork'], [5, 'NoCallDisconnect'],
  [6, 'WalkAway'], [7, 'ReturnBack'],
];
const WORK_MODE = table(WORK_MODE_ORDINALS, ['Agent', 'AgentWorkMode']);
for (const name of ['AutoIn', 'LegalGuard']) {
  WORK_MODE.byName.set(foldName(name), name);
  WORK_MODE.byName.set(foldName('Agent' + name), name);
}

const TABLES: Readonly<Record<EnumAttribute, EnumTable>> = {
  AgentWorkMode: withExact(WORK_MODE),
  ThisDNRole: withExact(table(DN_ROLES.map((name, i) => [i, name] as const), ['Role'])),
  CallState: withExact(table(CALL_STATE_ORDINALS, ['CallState'])),
  CallType: withExact(table(CALL_TYPES.map((name, i) => [i, name] as const), ['CallType'])),
};

const WORK_MODE_TWO: ReadonlyMap<string, string> = new Map([
  ['EventAgentReady', 'AutoIn'],
  ['EventAgentNotReady', 'LegalGuard'],
]);

const INTEGER_RE = /^\s*\d+\s*$/;

export interface EnumResult {
  readonly value: string | number;
  /** Set when the value could not be mapped to a canonical name and was kept as given. */
  readonly warning?: string;
}

/**
 * Maps a canonical name, a T-Library prefixed name (any case, with or without `-`/`_`/spaces) or
 * an integer ordinal to the canonical name. `eventId` resolves the one ordinal whose name depends
 * on the event. Anything unrecognised is kept, with a warning, never rejected.
 */
export function normalizeEnum(attribute: EnumAttribute, raw: string | number, eventId: string): EnumResult {
  const { byName, byOrdinal, exact } = TABLES[attribute];
  if (typeof raw === 'string') {
    const canonical = exact.get(raw);
    if (canonical !== undefined) return canonical;
    const name = byName.get(foldName(raw));
    if (name !== undefined) return { value: name };
    if (!INTEGER_RE.test(raw)) return { value: raw, warning: `${attribute} value "${clip(raw)}" is not a known name; kept as given` };
  }
  const ordinal = Number(raw);
  if (attribute === 'AgentWorkMode' && ordinal === 2) {
    const name = WORK_MODE_TWO.get(eventId);
    if (name !== undefined) return { value: name };
    return { value: raw, warning: `AgentWorkMode 2 means AutoIn on EventAgentReady and LegalGuard on EventAgentNotReady; on ${clip(eventId)} it is ambiguous and was kept as given` };
  }
  const name = byOrdinal.get(ordinal);
  if (name !== undefined) return { value: name };
  return { value: raw, warning: `${attribute} value ${clip(String(raw))} is not a known ordinal; kept as given` };
}

/**
 * The seed says `InfoStatus` on EventForwardSet is "CallForwardingStatus or SendAllCallsStatus",
 * which T-Library calls info types; the integer codes are those types' ordinals.
 */
const INFO_TYPE_NAMES = new Map<string, string>();
for (const name of ['CallForwardingStatus', 'SendAllCallsStatus']) {
  INFO_TYPE_NAMES.set(foldName(name), name);
  INFO_TYPE_NAMES.set(foldName('AddressInfo' + name), name);
}
const INFO_TYPE_CODES = new Map<number, string>([[3, 'CallForwardingStatus'], [10, 'SendAllCallsStatus']]);

/**
 * `InfoStatus` / `InfoType` never fail: recognisable info type names become canonical, everything
 * else is kept. A bare integer InfoStatus stays raw because it may be a forward mode instead.
 */
export function normalizeInfo(attribute: 'InfoStatus' | 'InfoType', raw: unknown): { value: unknown; warning?: string } {
  if (typeof raw === 'string') return { value: INFO_TYPE_NAMES.get(foldName(raw)) ?? raw };
  if (typeof raw === 'number') {
    if (attribute === 'InfoType') return { value: INFO_TYPE_CODES.get(raw) ?? raw };
    return { value: raw, warning: `InfoStatus ${raw} is numeric and may be an info type or a forward mode; kept as given` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { value: raw };
  const out: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  for (const key of Object.keys(out)) {
    if (foldName(key) === 'infotype') out[key] = normalizeInfo('InfoType', out[key]).value;
  }
  return { value: out };
}
