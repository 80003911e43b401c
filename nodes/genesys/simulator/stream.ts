import { AgentModel } from './agent-model';
import { CallFactory } from './calls';
import { CanonicalEvent, UNDOCUMENTED_IDS } from './catalogue';
import { encodeEvent, GenesysDialect, pickDialect } from './dialect';
import { Random } from '../../shared/simulator/random';

export interface GenesysSimulatorOptions {
  /** Default 5; AgentID 1001.., DN 5001.., queues 8000.. (each agent in 1-3 queues). */
  agents?: number;
  /** Default 'acme'; the Kafka key is `${tenant}:${agentId}`. */
  tenant?: string;
  /** Default 1; the same seed and options give the identical record sequence. */
  seed?: number;
  /** Start of the simulated clock in epoch ms; default Date.now() at construction. */
  startTimeMs?: number;
  /** 0..1, default 0: share of records that are malformed (cycling through the malformed kinds). */
  malformedShare?: number;
  /** 0..1, default 0: share of records carrying one of the 7 undocumented ids (spec §2.2). */
  unknownShare?: number;
  /** Default 'canonical' (spec §3.3); 'mixed' picks a §8.4 wire variant per record. */
  dialect?: GenesysDialect;
}

export interface SimulatedRecord {
  key: string | null;
  value: string;
  /** Epoch ms; the event's own time (records of events without `time` still get the simulated instant). */
  timestamp: number;
  kind: 'event' | 'malformed' | 'unknown';
  /** Event id; absent on malformed records. */
  id?: string;
}

type MalformedKind = 'invalid-json' | 'array' | 'string' | 'no-id';
const MALFORMED_KINDS: readonly MalformedKind[] = ['invalid-json', 'array', 'string', 'no-id'];

/**
 * Endless, deterministic stream of `voice-agentstate` records. Agents are merged in simulated-time order, so
 * record timestamps never go backwards. Malformed and undocumented records are inserted between the
 * agents' events rather than replacing one, because dropping a planned event (say a Logout) would break the
 * stream's own rules.
 */
export class GenesysSimulator {
  private readonly agents: AgentModel[];
  private readonly tenant: string;
  private readonly malformedShare: number;
  private readonly unknownShare: number;
  private readonly dialect: GenesysDialect;
  // Separate generators so that turning injection or the dialect on does not change the underlying events.
  private readonly injectRng: Random;
  private readonly dialectRng: Random;
  private clockUs: number;
  private malformedCount = 0;
  private unknownCount = 0;

  constructor(opts: GenesysSimulatorOptions = {}) {
    const agentCount = opts.agents ?? 5;
    if (!Number.isInteger(agentCount) || agentCount < 1) throw new RangeError('agents must be a positive integer');
    this.tenant = opts.tenant ?? 'acme';
    if (this.tenant === '') throw new RangeError('tenant must not be empty');
    this.malformedShare = share(opts.malformedShare, 'malformedShare');
    this.unknownShare = share(opts.unknownShare, 'unknownShare');
    if (this.malformedShare + this.unknownShare > 1) throw new RangeError('malformedShare + unknownShare exceeds 1');
    this.dialect = opts.dialect ?? 'canonical';
    if (this.dialect !== 'canonical' && this.dialect !== 'mixed') throw new RangeError(`unknown dialect ${this.dialect}`);

    const root = new Random(opts.seed ?? 1);
    const world = root.fork(1);
    this.injectRng = root.fork(2);
    this.dialectRng = root.fork(3);
    this.clockUs = Math.floor(opts.startTimeMs ?? Date.now()) * 1000;

    const queueCount = Math.max(3, Math.ceil(agentCount / 3));
    const queues = Array.from({ length: queueCount }, (_, i) => String(8000 + i));
    const dns = Array.from({ length: agentCount }, (_, i) => String(5001 + i));
    const calls = new CallFactory(world.fork(4));
    this.agents = dns.map((dn, i) => {
      const own = world.sample(queues, world.int(1, 3)).sort();
      const setup = {
        agentId: String(1001 + i),
        dn,
        server: 65200 + i,
        queues: own,
        tenant: this.tenant,
        otherDns: dns.filter((other) => other !== dn),
      };
      return new AgentModel(setup, world.fork(100 + i), calls, this.clockUs);
    });
  }

  next(): SimulatedRecord {
    const draw = this.injectRng.float();
    if (draw < this.malformedShare) return this.malformed();
    if (draw < this.malformedShare + this.unknownShare) {
      const unknown = this.undocumented();
      if (unknown) return unknown;
    }
    return this.event();
  }

  take(n: number): SimulatedRecord[] {
    return Array.from({ length: n }, () => this.next());
  }

  private event(): SimulatedRecord {
    let agent = this.agents[0];
    for (const candidate of this.agents) if (candidate.nextAtUs < agent.nextAtUs) agent = candidate;
    const { atUs, event } = agent.take();
    this.clockUs = atUs;
    return { key: this.keyOf(agent), value: this.encode(event), timestamp: Math.floor(atUs / 1000), kind: 'event', id: event.id };
  }

  /** Returns null when no agent could plausibly be the subject (all logged out or out of service). */
  private undocumented(): SimulatedRecord | null {
    const candidates = this.agents.filter((a) => a.acceptsExtraEvents);
    if (candidates.length === 0) return null;
    const agent = this.injectRng.pick(candidates);
    const { dn, server, agentId, queues } = agent.setup;
    const id = UNDOCUMENTED_IDS[this.unknownCount++ % UNDOCUMENTED_IDS.length];
    const event: CanonicalEvent = { id, Server: server, ThisDN: dn };
    if (id === 'EventQueueLogout') Object.assign(event, { ThisQueue: queues[queues.length - 1], AgentID: agentId });
    if (/Monitoring|Listen/.test(id)) event.OtherDN = this.injectRng.pick(this.agents).setup.dn;
    event.time = { seconds: Math.floor(this.clockUs / 1e6), useconds: this.clockUs % 1e6 };
    return { key: this.keyOf(agent), value: this.encode(event), timestamp: Math.floor(this.clockUs / 1000), kind: 'unknown', id };
  }

  private malformed(): SimulatedRecord {
    const kind = MALFORMED_KINDS[this.malformedCount++ % MALFORMED_KINDS.length];
    const agent = this.injectRng.pick(this.agents);
    const { dn, server } = agent.setup;
    const time = { seconds: Math.floor(this.clockUs / 1e6), useconds: this.clockUs % 1e6 };
    const looksReal = JSON.stringify({ id: 'EventAgentReady', Server: server, ThisDN: dn, AgentWorkMode: 'ManualIn', time });
    let value: string;
    switch (kind) {
      case 'invalid-json':
        // A strict prefix of a JSON object always leaves a brace unclosed, so this can never parse.
        value = looksReal.slice(0, Math.floor(looksReal.length * (0.3 + this.injectRng.float() * 0.6)));
        break;
      case 'array':
        // Elements are not objects, so even a consumer that unpacks top-level arrays finds no event in it.
        value = JSON.stringify(['EventAgentReady', dn, server]);
        break;
      case 'string':
        value = JSON.stringify(`EventAgentReady ThisDN=${dn}`);
        break;
      case 'no-id':
        value = JSON.stringify({ Server: server, ThisDN: dn, AgentWorkMode: 'ManualIn', time });
        break;
    }
    // Garbage that is not even an object is unlikely to come from the agent-keyed producer: give it no key.
    const key = kind === 'array' || kind === 'string' ? null : this.keyOf(agent);
    return { key, value, timestamp: Math.floor(this.clockUs / 1000), kind: 'malformed' };
  }

  private keyOf(agent: AgentModel): string {
    return `${this.tenant}:${agent.setup.agentId}`;
  }

  private encode(event: CanonicalEvent): string {
    return encodeEvent(event, this.dialect === 'mixed' ? pickDialect(this.dialectRng) : undefined);
  }
}

function share(value: number | undefined, name: string): number {
  const v = value ?? 0;
  if (!(v >= 0 && v <= 1)) throw new RangeError(`${name} must be between 0 and 1`);
  return v;
}
