/**
 * The event names of the `voice-agentstate` topic and how they group. The 14 documented names come
 * from the vendor page "Agent state and DN events", in the page's order.
 */
export const GENESYS_EVENT_IDS = [
  'EventAgentLogin',
  'EventAgentLogout',
  'EventAgentReady',
  'EventAgentNotReady',
  'EventDNOutOfService',
  'EventDNBackInService',
  'EventDNDOn',
  'EventDNDOff',
  'EventForwardSet',
  'EventForwardCancel',
  'EventOffHook',
  'EventOnHook',
  'EventMuteOn',
  'EventMuteOff',
] as const;

export type GenesysEventId = (typeof GENESYS_EVENT_IDS)[number];

export type GenesysFamily = 'agent' | 'dn-service' | 'dnd' | 'forward' | 'hook' | 'mute' | 'other';

const FAMILY: ReadonlyMap<string, GenesysFamily> = new Map<GenesysEventId, GenesysFamily>([
  ['EventAgentLogin', 'agent'],
  ['EventAgentLogout', 'agent'],
  ['EventAgentReady', 'agent'],
  ['EventAgentNotReady', 'agent'],
  ['EventDNOutOfService', 'dn-service'],
  ['EventDNBackInService', 'dn-service'],
  ['EventDNDOn', 'dnd'],
  ['EventDNDOff', 'dnd'],
  ['EventForwardSet', 'forward'],
  ['EventForwardCancel', 'forward'],
  ['EventOffHook', 'hook'],
  ['EventOnHook', 'hook'],
  ['EventMuteOn', 'mute'],
  ['EventMuteOff', 'mute'],
]);

export function isGenesysEventId(id: string): id is GenesysEventId {
  return FAMILY.has(id);
}

/** Undocumented names (including the seven extra events some vendor material lists) are 'other'. */
export function genesysFamily(id: string): GenesysFamily {
  return FAMILY.get(id) ?? 'other';
}

/**
 * T-Library message codes, for producers that serialise `id` as the protocol's integer. The
 * seven extra events are included so a numeric id of theirs still yields a readable name.
 */
const EVENT_CODES: ReadonlyMap<number, string> = new Map([
  [73, 'EventAgentLogin'],
  [74, 'EventAgentLogout'],
  [75, 'EventAgentReady'],
  [76, 'EventAgentNotReady'],
  [77, 'EventDNDOn'],
  [78, 'EventDNDOff'],
  [86, 'EventOffHook'],
  [87, 'EventOnHook'],
  [88, 'EventForwardSet'],
  [89, 'EventForwardCancel'],
  [90, 'EventMessageWaitingOn'],
  [91, 'EventMessageWaitingOff'],
  [106, 'EventListenDisconnected'],
  [107, 'EventListenReconnected'],
  [141, 'EventMonitoringNextCall'],
  [142, 'EventMonitoringCancelled'],
  [145, 'EventMuteOn'],
  [146, 'EventMuteOff'],
  [147, 'EventDNOutOfService'],
  [148, 'EventDNBackInService'],
  [152, 'EventQueueLogout'],
]);

export function eventNameForCode(code: number): string | undefined {
  return EVENT_CODES.get(code);
}
