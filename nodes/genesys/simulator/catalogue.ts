/**
 * The simulator's own copy of the seed's event tables (spec §4/§5). Kept local on purpose: the schema module
 * is written independently, and a simulator that shared its tables could not catch the schema's mistakes.
 */

/** One event in the canonical JSON shape of spec §3.3 (before any wire dialect is applied). */
export type CanonicalEvent = { id: string; ThisDN: string } & Record<string, unknown>;

/** The 14 documented ids, in the order the vendor page lists them. */
export const GENESYS_SIMULATED_IDS: readonly string[] = Object.freeze([
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
]);

/** Ids a vendor draft lists for the topic but the seed does not document (spec §2.2). */
export const UNDOCUMENTED_IDS: readonly string[] = Object.freeze([
  'EventQueueLogout',
  'EventMonitoringNextCall',
  'EventMonitoringCancelled',
  'EventListenDisconnected',
  'EventListenReconnected',
  'EventMessageWaitingOn',
  'EventMessageWaitingOff',
]);

const AGENT = ['AgentID', 'ThisQueue', 'CustomerID', 'ReferenceID', 'Reasons', 'Extensions'];
const REQUEST = ['CustomerID', 'ReferenceID', 'Reasons', 'Extensions'];
const SERVICE = ['Extensions'];
const MUTE = ['CustomerID', 'Extensions', 'NetworkCallID', 'NetworkNodeID', 'Reasons', 'ReferenceID', 'UserData'];
const TIMED = ['Server', 'time'];

interface EventShape {
  mandatory: readonly string[];
  /** Includes AgentID on Ready/NotReady: the prose requires it although the tables omit it (spec §8.1 rule 4). */
  optional: readonly string[];
}

export const EVENT_SHAPES: Readonly<Record<string, EventShape>> = {
  EventAgentLogin: { mandatory: ['id', 'ThisDN', ...TIMED], optional: AGENT },
  EventAgentLogout: { mandatory: ['id', 'ThisDN', ...TIMED], optional: AGENT },
  EventAgentReady: { mandatory: ['id', 'ThisDN', ...TIMED, 'AgentWorkMode'], optional: AGENT },
  EventAgentNotReady: { mandatory: ['id', 'ThisDN', ...TIMED], optional: [...AGENT, 'AgentWorkMode'] },
  EventDNOutOfService: { mandatory: ['id', 'ThisDN'], optional: SERVICE },
  EventDNBackInService: { mandatory: ['id', 'ThisDN'], optional: SERVICE },
  EventDNDOn: { mandatory: ['id', 'ThisDN', ...TIMED], optional: REQUEST },
  EventDNDOff: { mandatory: ['id', 'ThisDN', ...TIMED], optional: REQUEST },
  EventForwardSet: { mandatory: ['id', 'ThisDN', ...TIMED], optional: [...REQUEST, 'InfoStatus', 'OtherDN'] },
  EventForwardCancel: { mandatory: ['id', 'ThisDN', ...TIMED], optional: REQUEST },
  EventOffHook: {
    mandatory: ['id', 'ThisDN', ...TIMED],
    optional: ['CallHistory', 'CallID', 'CallState', 'CallType', 'ConnID', 'CustomerID', 'Extensions',
      'NetworkCallID', 'NetworkNodeID', 'ThisTrunk', 'UserData'],
  },
  EventOnHook: {
    mandatory: ['id', 'ThisDN', ...TIMED],
    optional: ['CallHistory', 'CallID', 'ConnID', 'CustomerID', 'Extensions', 'NetworkCallID', 'NetworkNodeID',
      'ThisDNRole', 'ThisTrunk', 'UserData'],
  },
  EventMuteOn: { mandatory: ['id', 'ThisDN', 'ConnID', 'ThisDNRole'], optional: MUTE },
  EventMuteOff: { mandatory: ['id', 'ThisDN', 'ConnID', 'ThisDNRole'], optional: MUTE },
};

/** Whether the event carries `time` and `Server`; four events have neither (seed tables). */
export function isTimed(id: string): boolean {
  return EVENT_SHAPES[id].mandatory.includes('time');
}
