import { pomTopic } from './catalogue';
import { encodePayload, PomKeyStyle } from './encode';
import { MALFORMED_KINDS, malformedValue } from './malformed';
import { Random } from '../../shared/simulator/random';
import { PomWorld } from './world';

export type PomDateStyle = 'epoch' | 'gson' | 'mixed';

export interface PomSimulatorOptions {
  /** Organization name used in the per-org topics and payloads; default 'Default'. */
  org?: string;
  /** POM server names emitting heartbeats; default ['pom-primary']. */
  servers?: string[];
  /** Default 5. */
  agents?: number;
  /** Default 1; the same seed and options give identical records. */
  seed?: number;
  /** Start of the simulated clock in epoch ms; default Date.now() at construction. */
  startTimeMs?: number;
  /** 0 <= share < 1, default 0: share of all records that are extra malformed ones, inserted between real ones. */
  malformedShare?: number;
  /**
   * Default 'epoch'. 'gson' writes every timestamp as a Gson date string, 'mixed' does so for about half of the
   * records. CCTRENDS dates are Gson strings in every style, as in the document's only sample.
   */
  dateStyle?: PomDateStyle;
  /** Default 'camel' (§7); 'printed' uses the spellings of the document's tables (`Address`, `Agentid`, `zoneld` ...). */
  keyStyle?: PomKeyStyle;
}

export interface PomRecord {
  family: string;
  topic: string;
  /** A stable id of the record's subject (job, agent, attempt, server, skill); null on malformed records. */
  key: string | null;
  value: string;
  /** Epoch ms: the event's simulated time, used as the Kafka record timestamp. */
  timestamp: number;
  kind: 'event' | 'malformed';
}

/**
 * Deterministic, endless stream of POM Event SDK records for all ten families (spec §10). The story is produced
 * by PomWorld; this class encodes it and inserts the malformed records, each from its own random stream so
 * that switching an encoding option or the malformed share never changes the story itself.
 */
export class PomSimulator {
  private readonly world: PomWorld;
  private readonly org: string;
  private readonly malformedShare: number;
  private readonly dateStyle: PomDateStyle;
  private readonly keyStyle: PomKeyStyle;
  private readonly injectRng: Random;
  private readonly dateRng: Random;
  private malformedCount = 0;

  constructor(opts: PomSimulatorOptions = {}) {
    this.org = opts.org ?? 'Default';
    if (!/^[A-Za-z0-9_-]+$/.test(this.org)) throw new RangeError('org must be a non-empty topic segment (letters, digits, _ or -)');
    const servers = opts.servers ?? ['pom-primary'];
    if (!Array.isArray(servers) || servers.length === 0 || servers.some((s) => typeof s !== 'string' || s.trim() === '')) {
      throw new RangeError('servers must be a non-empty list of server names');
    }
    const agents = opts.agents ?? 5;
    if (!Number.isInteger(agents) || agents < 1 || agents > 500) throw new RangeError('agents must be an integer from 1 to 500');
    const seed = opts.seed ?? 1;
    if (!Number.isInteger(seed)) throw new RangeError('seed must be an integer');
    const startTimeMs = Math.floor(opts.startTimeMs ?? Date.now());
    if (!Number.isFinite(startTimeMs)) throw new RangeError('startTimeMs must be a finite number');
    this.malformedShare = opts.malformedShare ?? 0;
    if (!(this.malformedShare >= 0 && this.malformedShare < 1)) throw new RangeError('malformedShare must be >= 0 and < 1');
    this.dateStyle = opts.dateStyle ?? 'epoch';
    if (!['epoch', 'gson', 'mixed'].includes(this.dateStyle)) throw new RangeError(`unknown dateStyle ${this.dateStyle}`);
    this.keyStyle = opts.keyStyle ?? 'camel';
    if (!['camel', 'printed'].includes(this.keyStyle)) throw new RangeError(`unknown keyStyle ${this.keyStyle}`);

    const root = new Random(seed);
    this.injectRng = root.fork(0x51);
    this.dateRng = root.fork(0xda7e);
    this.world = new PomWorld({ org: this.org, servers: [...servers], agents, seed, startTimeMs });
  }

  /** The simulated instant up to which records have been produced. */
  get now(): number {
    return this.world.sched.now;
  }

  /** All records due up to simulated time `untilMs` (inclusive), in time order, advancing the simulated clock. */
  advanceTo(untilMs: number): PomRecord[] {
    if (!Number.isFinite(untilMs)) throw new RangeError('untilMs must be a finite number');
    const records: PomRecord[] = [];
    for (const { family, key, payload, time } of this.world.runUntil(untilMs)) {
      const gson = family === 'CCTRENDS' || this.dateStyle === 'gson' || (this.dateStyle === 'mixed' && this.dateRng.chance(0.5));
      const opts = { keyStyle: this.keyStyle, gson };
      const topic = pomTopic(family, this.org);
      // Geometric count per real record: its mean share/(1-share) makes `share` of all records malformed.
      while (this.malformedShare > 0 && this.injectRng.chance(this.malformedShare)) {
        const kind = MALFORMED_KINDS[this.malformedCount++ % MALFORMED_KINDS.length];
        const value = malformedValue(kind, family, payload, opts, this.injectRng);
        records.push({ family, topic, key: null, value, timestamp: time, kind: 'malformed' });
      }
      records.push({ family, topic, key, value: encodePayload(family, payload, opts), timestamp: time, kind: 'event' });
    }
    return records;
  }

  /** Convenience: advance by a duration. */
  advanceBy(ms: number): PomRecord[] {
    return this.advanceTo(this.now + ms);
  }
}
