/**
 * The attribute vocabulary of the topic and the member-name folding that maps the spellings seen
 * in the wild (`Agent ID`, `agent_id`, `WorkMode`, ...) onto it. The vendor page gives table
 * labels, not JSON member names, so every spelling that folds to a known name is accepted.
 */

/** The 23 attributes the seed's tables use, spelled as the vendor does (`AgentID` without the space). */
export const GENESYS_ATTRIBUTES = [
  'id',
  'Server',
  'ThisDN',
  'time',
  'AgentID',
  'AgentWorkMode',
  'ThisQueue',
  'CustomerID',
  'ReferenceID',
  'Reasons',
  'Extensions',
  'InfoStatus',
  'OtherDN',
  'ConnID',
  'CallID',
  'CallState',
  'CallType',
  'CallHistory',
  'NetworkCallID',
  'NetworkNodeID',
  'ThisDNRole',
  'ThisTrunk',
  'UserData',
] as const;

export type GenesysAttribute = (typeof GENESYS_ATTRIBUTES)[number];

/**
 * Names outside the 23 that still get a canonical spelling: `InfoType` may accompany `InfoStatus`,
 * and the T-Library protocol carries the event time as the two flattened members.
 */
export type ExtraAttribute = 'InfoType' | 'TimeinSecs' | 'TimeinuSecs';
export type CanonicalName = GenesysAttribute | ExtraAttribute;

const FOLD_RE = /[\s_.\-]/g;

/** Case-insensitive and blind to spaces, `_`, `-` and `.`: `Agent ID`, `agent_id` and `AGENTID` all fold alike. */
export function foldName(name: string): string {
  return name.toLowerCase().replace(FOLD_RE, '');
}

/** How a member's value is normalised (see normalize.ts). */
export type AttributeKind =
  | 'id'
  | 'text' // string-native identifiers where leading zeros matter
  | 'number-id' // integer-native identifiers carried as strings
  | 'call-id'
  | 'conn-id'
  | 'reference'
  | 'enum'
  | 'key-value'
  | 'time'
  | 'time-part'
  | 'info'
  | 'struct';

const ATTRIBUTE_KIND: Readonly<Record<CanonicalName, AttributeKind>> = {
  id: 'id',
  ThisDN: 'text',
  ThisQueue: 'text',
  OtherDN: 'text',
  AgentID: 'text',
  CustomerID: 'text',
  Server: 'number-id',
  NetworkCallID: 'number-id',
  NetworkNodeID: 'number-id',
  ThisTrunk: 'number-id',
  CallID: 'call-id',
  ConnID: 'conn-id',
  ReferenceID: 'reference',
  AgentWorkMode: 'enum',
  ThisDNRole: 'enum',
  CallState: 'enum',
  CallType: 'enum',
  Extensions: 'key-value',
  Reasons: 'key-value',
  UserData: 'key-value',
  time: 'time',
  TimeinSecs: 'time-part',
  TimeinuSecs: 'time-part',
  InfoStatus: 'info',
  InfoType: 'info',
  CallHistory: 'struct',
};

export interface Attribute {
  readonly name: CanonicalName;
  readonly kind: AttributeKind;
}

const FOLDED = new Map<string, Attribute>();
for (const name of [...GENESYS_ATTRIBUTES, 'InfoType', 'TimeinSecs', 'TimeinuSecs'] as const) {
  FOLDED.set(foldName(name), { name, kind: ATTRIBUTE_KIND[name] });
}
// T-Library's event structure calls the work mode `WorkMode`; the other aliases are common
// renderings of the event name and of the event time.
for (const [alias, name] of [
  ['workmode', 'AgentWorkMode'],
  ['event', 'id'],
  ['eventname', 'id'],
  ['messagename', 'id'],
  ['timestamp', 'time'],
  ['eventtime', 'time'],
] as const) {
  FOLDED.set(alias, { name, kind: ATTRIBUTE_KIND[name] });
}

// Canonical spellings skip the fold: that is the path every record of the default dialect takes.
const EXACT = new Map<string, Attribute>();
for (const attribute of FOLDED.values()) EXACT.set(attribute.name, attribute);

/** The attribute a member name stands for, with its normalisation kind, in one lookup. */
export function attributeOf(member: string): Attribute | undefined {
  return EXACT.get(member) ?? FOLDED.get(foldName(member));
}

export function canonicalName(member: string): CanonicalName | undefined {
  return attributeOf(member)?.name;
}
