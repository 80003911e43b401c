import { Random } from '../../shared/simulator/random';

export type CallType = 'Inbound' | 'Outbound' | 'Internal';
export type DNRole = 'Origination' | 'Destination';

/** What the hook and mute events of one call have in common. */
export interface SimulatedCall {
  ConnID: string;
  CallID: string;
  CallType: CallType;
  ThisDNRole: DNRole;
  /** Only multi-site (network-routed) calls carry these; spec §8.2 keeps them to a small share. */
  network?: {
    NetworkCallID: string;
    NetworkNodeID: string;
    ThisTrunk: string;
    CallHistory: Record<string, unknown>;
  };
  UserData?: Record<string, unknown>;
}

const SEGMENTS = ['Gold', 'Silver', 'Bronze'];
const LOCATIONS = ['SiteNorth', 'SiteSouth', 'SiteEast'];
const NETWORK_SHARE = 0.1;
const USER_DATA_SHARE = 0.4;

/**
 * Hands out calls with ids that are unique across all agents of one simulator, which is why it is shared
 * rather than owned by each agent.
 */
export class CallFactory {
  private readonly connBase: number;
  private lastCallId: number;
  private count = 0;

  constructor(private readonly rng: Random) {
    // A random 44-bit base plus a counter keeps ConnIDs unique per call and different from seed to seed.
    this.connBase = Math.floor(rng.float() * 2 ** 44);
    this.lastCallId = rng.int(1_000_000, 8_000_000);
  }

  create(): SimulatedCall {
    const rng = this.rng;
    this.count += 1;
    // Switch call ids grow with gaps because the switch also numbers calls that never reach these agents.
    this.lastCallId += rng.int(1, 7);
    const type = rng.weighted<CallType>([['Inbound', 0.7], ['Outbound', 0.2], ['Internal', 0.1]]);
    const role: DNRole = type === 'Outbound' || (type === 'Internal' && rng.chance(0.5)) ? 'Origination' : 'Destination';
    const call: SimulatedCall = {
      // 16 lower-case hex digits: a fixed 4-digit node prefix and 12 digits of base + counter.
      ConnID: '006f' + (this.connBase + this.count).toString(16).padStart(12, '0'),
      CallID: String(this.lastCallId),
      CallType: type,
      ThisDNRole: role,
    };
    if (type === 'Inbound' && rng.chance(NETWORK_SHARE)) {
      const nodeId = rng.int(1, 9);
      call.network = {
        NetworkCallID: String(rng.int(10_000_000, 99_999_999)),
        NetworkNodeID: String(nodeId),
        ThisTrunk: String(rng.int(100, 199)),
        CallHistory: {
          FirstTransfer: { HomeLocation: LOCATIONS[nodeId % LOCATIONS.length], OrigDN: String(rng.int(7000, 7099)) },
          LastTransfer: { HomeLocation: rng.pick(LOCATIONS), OrigDN: String(rng.int(7000, 7099)) },
        },
      };
    }
    if (type !== 'Internal' && rng.chance(USER_DATA_SHARE)) {
      call.UserData = { Segment: rng.pick(SEGMENTS), CaseRef: rng.int(100, 9999) };
    }
    return call;
  }
}
