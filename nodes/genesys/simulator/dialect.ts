import { CanonicalEvent } from './catalogue';
import { Random } from '../../shared/simulator/random';

/**
 * Wire-dialect encoder. The seed does not fix the JSON serialization (spec §3.2), so besides the canonical
 * shape of §3.3 the simulator can emit the variants of §8.4, one random pick per record, to exercise the
 * consumer's tolerant parsing.
 */
export type GenesysDialect = 'canonical' | 'mixed';

type TimeForm = 'struct' | 'lowerStruct' | 'flat' | 'epochMs' | 'iso';
type EnumForm = 'name' | 'prefixed' | 'ordinal';
type KvForm = 'object' | 'keyValue' | 'pairs';
type AgentIdName = 'AgentID' | 'Agent ID' | 'agentId';
/** `numbers`: DN-like and call identifiers as JSON numbers; `strings`: Server/ReferenceID as strings. */
type IdForm = 'canonical' | 'numbers' | 'strings';

export interface DialectChoice {
  time: TimeForm;
  enums: EnumForm;
  kv: KvForm;
  agentId: AgentIdName;
  ids: IdForm;
  infoStatusObject: boolean;
  envelope: boolean;
}

const ENVELOPE_SHARE = 0.15;

export function pickDialect(rng: Random): DialectChoice {
  return {
    time: rng.pick<TimeForm>(['struct', 'lowerStruct', 'flat', 'epochMs', 'iso']),
    enums: rng.pick<EnumForm>(['name', 'prefixed', 'ordinal']),
    kv: rng.pick<KvForm>(['object', 'keyValue', 'pairs']),
    agentId: rng.pick<AgentIdName>(['AgentID', 'Agent ID', 'agentId']),
    ids: rng.pick<IdForm>(['canonical', 'numbers', 'strings']),
    infoStatusObject: rng.chance(0.5),
    envelope: rng.chance(ENVELOPE_SHARE),
  };
}

// T-Library prefixes and ordinals (spec §3.5).
const ENUMS: Record<string, { prefix: string; ordinals: Record<string, number> }> = {
  AgentWorkMode: {
    prefix: 'Agent',
    ordinals: { ManualIn: 1, AutoIn: 2, LegalGuard: 2, AfterCallWork: 3, AuxWork: 4, NoCallDisconnect: 5, WalkAway: 6 },
  },
  ThisDNRole: { prefix: 'Role', ordinals: { Origination: 1, Destination: 2 } },
  CallState: { prefix: 'CallState', ordinals: { Ok: 0 } },
  CallType: { prefix: 'CallType', ordinals: { Internal: 1, Inbound: 2, Outbound: 3 } },
  InfoStatus: { prefix: 'AddressInfo', ordinals: { CallForwardingStatus: 3, SendAllCallsStatus: 10 } },
};

const FORWARD_MODE: Record<string, string> = {
  CallForwardingStatus: 'Unconditional',
  SendAllCallsStatus: 'SendAllCalls',
};

const NUMERIC_WHEN_SAFE = new Set(['ThisDN', 'ThisQueue', 'OtherDN', 'AgentID', 'CallID', 'NetworkCallID',
  'NetworkNodeID', 'ThisTrunk']);
const STRINGIFIED = new Set(['Server', 'ReferenceID']);
const KV_LISTS = new Set(['Reasons', 'Extensions', 'UserData']);

export function encodeEvent(event: CanonicalEvent, choice?: DialectChoice): string {
  if (!choice) return JSON.stringify(event);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(event)) {
    if (name === 'time') {
      writeTime(out, value as { seconds: number; useconds: number }, choice.time);
    } else if (name === 'AgentID') {
      out[choice.agentId] = identifier(name, value, choice.ids);
    } else if (name === 'InfoStatus' && choice.infoStatusObject) {
      out[name] = { InfoType: enumValue(name, value, choice.enums), Status: FORWARD_MODE[value as string] };
    } else if (name in ENUMS) {
      out[name] = enumValue(name, value, choice.enums);
    } else if (KV_LISTS.has(name)) {
      out[name] = kvList(value as Record<string, unknown>, choice.kv);
    } else {
      out[name] = identifier(name, value, choice.ids);
    }
  }
  return JSON.stringify(choice.envelope ? { event: out } : out);
}

function writeTime(out: Record<string, unknown>, time: { seconds: number; useconds: number }, form: TimeForm): void {
  const ms = time.seconds * 1000 + Math.floor(time.useconds / 1000);
  switch (form) {
    case 'struct':
      out.time = { seconds: time.seconds, useconds: time.useconds };
      break;
    case 'lowerStruct':
      out.time = { timeinsecs: time.seconds, timeinusecs: time.useconds };
      break;
    case 'flat':
      out.TimeinSecs = time.seconds;
      out.TimeinuSecs = time.useconds;
      break;
    case 'epochMs':
      out.time = ms;
      break;
    case 'iso':
      out.time = new Date(ms).toISOString();
      break;
  }
}

function enumValue(name: string, value: unknown, form: EnumForm): unknown {
  const table = ENUMS[name];
  const ordinal = table.ordinals[value as string];
  if (form === 'prefixed') return table.prefix + String(value);
  // An unlisted name has no ordinal; sending the name keeps the record truthful.
  if (form === 'ordinal' && ordinal !== undefined) return ordinal;
  return value;
}

function identifier(name: string, value: unknown, form: IdForm): unknown {
  // Leading zeros and digits beyond 2^53 would be lost in a JSON number, so such values stay strings.
  if (form === 'numbers' && NUMERIC_WHEN_SAFE.has(name) && typeof value === 'string' && /^[1-9]\d{0,14}$/.test(value)) {
    return Number(value);
  }
  if (form === 'strings' && STRINGIFIED.has(name) && typeof value === 'number') return String(value);
  return value;
}

function kvList(list: Record<string, unknown>, form: KvForm): unknown {
  const entries = Object.entries(list);
  if (form === 'keyValue') return entries.map(([key, value]) => ({ key, value }));
  if (form === 'pairs') return entries;
  return list;
}
