/**
 * POM's kafkamonitor sends a heartbeat per POM server every 30 s so a client can tell a silent
 * campaign from a broken path; the document leaves the alarm to the client. This keeps, per
 * server, when it last beat and says when it has missed too many beats and when it is back.
 * Before any beat has arrived the node watches a stand-in "any server" from the moment it started.
 *
 * The servers come from the records' serverName, so the map is bounded: a server silent for a day
 * (taken out of service, renamed) is forgotten, and beyond maxServers the longest-silent one is
 * forgotten first. When the last server is forgotten, "any server" takes over its silence.
 */
export interface HeartbeatChange {
  kind: 'missed' | 'restored';
  /** The POM server, or undefined for "no server has sent a heartbeat" (since the node started, or since lastBeat). */
  server: string | undefined;
  /** Epoch ms of the last heartbeat before the silence (undefined when none was ever seen). */
  lastBeat: number | undefined;
  at: number;
}

export interface HeartbeatWatchdogOptions {
  intervalMs: number;
  missedBeats: number;
  now?: () => number;
  /** A server silent this long is forgotten (default a day); longer than intervalMs × missedBeats. */
  forgetAfterMs?: number;
  /** At most this many servers are remembered (default 1,000); beyond, the longest-silent is forgotten first. */
  maxServers?: number;
  /** Told once, the first time maxServers makes the watchdog forget a server (the node logs it). */
  warn?: (message: string) => void;
}

const ANY = '\u0000any';
const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_SERVERS = 1000;

export class HeartbeatWatchdog {
  /** Last beat per server, the longest-silent first (a beat moves its server to the end). */
  private readonly lastBeat = new Map<string, number>();
  private readonly silent = new Set<string>();
  private readonly now: () => number;
  private readonly forgetAfterMs: number;
  private readonly maxServers: number;
  /** Since when "any server" is watched: the start, or the last beat of the last server forgotten. */
  private anySince: number;
  private anyLastBeat: number | undefined;
  private warnedFull = false;

  constructor(private readonly options: HeartbeatWatchdogOptions) {
    if (!(options.intervalMs > 0) || !(options.missedBeats >= 1)) throw new RangeError('heartbeat watchdog needs intervalMs > 0 and missedBeats >= 1');
    this.forgetAfterMs = options.forgetAfterMs ?? DAY_MS;
    this.maxServers = options.maxServers ?? MAX_SERVERS;
    if (!(this.forgetAfterMs > this.limitMs)) throw new RangeError('heartbeat watchdog needs forgetAfterMs longer than intervalMs × missedBeats');
    if (!(Number.isInteger(this.maxServers) && this.maxServers >= 1)) throw new RangeError('heartbeat watchdog needs maxServers >= 1');
    this.now = options.now ?? Date.now;
    this.anySince = this.now();
  }

  /** How long a server may stay quiet before it counts as lost. */
  get limitMs(): number {
    return this.options.intervalMs * this.options.missedBeats;
  }

  /** Servers (undefined: any) currently in alarm. */
  get alarms(): (string | undefined)[] {
    return [...this.silent].map((s) => (s === ANY ? undefined : s));
  }

  /** How many servers are remembered. */
  get servers(): number {
    return this.lastBeat.size;
  }

  beat(server: string, at = this.now()): HeartbeatChange[] {
    const changes: HeartbeatChange[] = [];
    const restored = (key: string) => {
      if (!this.silent.delete(key)) return;
      const lastBeat = key === ANY ? this.anyLastBeat : this.lastBeat.get(key);
      changes.push({ kind: 'restored', server: key === ANY ? undefined : key, lastBeat, at });
    };
    restored(ANY);
    restored(server);
    this.lastBeat.delete(server);
    this.lastBeat.set(server, at);
    if (this.lastBeat.size > this.maxServers) this.forgetLongestSilent();
    return changes;
  }

  check(at = this.now()): HeartbeatChange[] {
    this.forgetSilentSince(at - this.forgetAfterMs);
    const changes: HeartbeatChange[] = [];
    const watched: [string, number][] = this.lastBeat.size === 0 ? [[ANY, this.anySince]] : [...this.lastBeat];
    for (const [key, since] of watched) {
      if (at - since <= this.limitMs || this.silent.has(key)) continue;
      this.silent.add(key);
      changes.push({ kind: 'missed', server: key === ANY ? undefined : key, lastBeat: key === ANY ? this.anyLastBeat : since, at });
    }
    return changes;
  }

  /** Forgets every server whose last beat is at or before `cutoff`. */
  private forgetSilentSince(cutoff: number): void {
    let latest: number | undefined;
    for (const [server, since] of this.lastBeat) {
      if (since > cutoff) continue;
      this.forget(server);
      latest = Math.max(latest ?? since, since);
    }
    if (this.lastBeat.size === 0 && latest !== undefined) {
      // Nothing is left to watch but "any server", silent since the last beat anyone sent.
      this.anySince = latest;
      this.anyLastBeat = latest;
    }
  }

  private forgetLongestSilent(): void {
    if (!this.warnedFull) {
      this.warnedFull = true;
      this.options.warn?.(`heartbeats name more than ${this.maxServers} POM servers: the longest-silent ones are forgotten from now on (does serverName name the POM servers?)`);
    }
    while (this.lastBeat.size > this.maxServers) this.forget(this.lastBeat.keys().next().value as string);
  }

  private forget(server: string): void {
    this.lastBeat.delete(server);
    this.silent.delete(server);
  }
}
