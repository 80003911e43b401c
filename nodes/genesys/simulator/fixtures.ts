import { CanonicalEvent, EVENT_SHAPES, GENESYS_SIMULATED_IDS, isTimed } from './catalogue';
import { encodeEvent } from './dialect';
import { SimulatedRecord } from './stream';

/** Fixed default so that the fixture is byte-for-byte reproducible (the example stream of spec §8.5 starts here). */
const DEFAULT_START_MS = 1_732_186_800_000;

const CONN_ID = '006f02a1b3c40001';
const CALL_HISTORY = {
  FirstTransfer: { HomeLocation: 'SiteNorth', OrigDN: '7001' },
  LastTransfer: { HomeLocation: 'SiteSouth', OrigDN: '7002' },
};

/** One value per attribute; all events are about agent 1001 on DN 5001 and, where call-scoped, one call. */
function attributeValues(tenant: string): Record<string, unknown> {
  return {
    ThisQueue: '8000',
    AgentID: '1001',
    CustomerID: tenant,
    OtherDN: '5002',
    InfoStatus: 'CallForwardingStatus',
    ConnID: CONN_ID,
    CallID: '1234567',
    CallType: 'Inbound',
    CallState: 'Ok',
    ThisDNRole: 'Destination',
    NetworkCallID: '55500123',
    NetworkNodeID: '3',
    ThisTrunk: '117',
    CallHistory: CALL_HISTORY,
    UserData: { Segment: 'Gold', CaseRef: 771 },
    Reasons: { ReasonCode: 'Break' },
    Extensions: { ReasonCode: 'DeviceOutOfService' },
  };
}

const WORK_MODE: Record<string, string> = { EventAgentReady: 'ManualIn', EventAgentNotReady: 'AuxWork' };

/**
 * Exactly one canonical record per documented id, in the vendor page's order, each with every attribute the
 * event may carry — the fullest possible instance of each event, for round-trip tests of a consumer.
 * Events are one second apart. The order is the page's, not a plausible history (the mutes follow the
 * on-hook), so feed these to a parser, not to a state model that checks sequences.
 */
export function everyEventRecords(opts: { tenant?: string; startTimeMs?: number } = {}): SimulatedRecord[] {
  const tenant = opts.tenant ?? 'acme';
  const startMs = Math.floor(opts.startTimeMs ?? DEFAULT_START_MS);
  const values = attributeValues(tenant);
  return GENESYS_SIMULATED_IDS.map((id, i) => {
    const atMs = startMs + i * 1000;
    const shape = EVENT_SHAPES[id];
    const event: CanonicalEvent = { id, ...(isTimed(id) ? { Server: 65200 } : {}), ThisDN: '5001' };
    for (const name of [...shape.mandatory, ...shape.optional]) {
      if (name in event) continue;
      if (name === 'time') event.time = { seconds: Math.floor(atMs / 1000), useconds: (atMs % 1000) * 1000 + 250 };
      else if (name === 'AgentWorkMode') event.AgentWorkMode = WORK_MODE[id];
      else if (name === 'ReferenceID') event.ReferenceID = i + 1;
      else event[name] = values[name];
    }
    return { key: `${tenant}:1001`, value: encodeEvent(event), timestamp: atMs, kind: 'event', id };
  });
}
