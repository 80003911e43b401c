/**
 * POM's kafkamonitor sends a heartbeat per POM server every 30 s so a client can tell a silent
 * campaign from a broken path; the document leaves the alarm to the client. This keeps, per
 * server, when it last beat and says when it has missed too many beats and when it is back.
 * Before any beat has arrived the node watches a stand-in "any server" from the moment it started.
 */
export interface HeartbeatChange {
  kind: 'missed' | 'restored';
  /** The POM server, or undefined for "no server has sent a heartbeat since the node started". */
  server: string | undefined;
  /** Epoch ms of the last heartbeat before the silence (undefined when none was ever seen). */
  lastBeat: number | undefined;
  at: number;
}

export interface HeartbeatWatchdogOptions {
  intervalMs: number;
  missedBeats: number;
  now?: () => number;
}

const ANY = '\u0000any';

export class HeartbeatWatchdog {
  private readonly lastBeat = new Map<string, number>();
  private readonly silent = new Set<string>();
  private readonly now: () => number;
  private readonly startedAt: number;

  constructor(private readonly options: HeartbeatWatchdogOptions) {
    if (!(options.intervalMs > 0) || !(options.missedBeats >= 1)) throw new RangeError('heartbeat watchdog needs intervalMs > 0 and missedBeats >= 1');
    this.now = options.now ?? Date.now;
    this.startedAt = this.now();
  }

  /** How long a server may stay quiet before it counts as lost. */
  get limitMs(): number {
    return this.options.intervalMs * this.options.missedBeats;
  }

  /** Servers (undefined: any) currently in alarm. */
  get alarms(): (string | undefined)[] {
    return [...this.silent].map((s) => (s === ANY ? undefined : s));
  }

  beat(server: string, at = this.now()): HeartbeatChange[] {
    const changes: HeartbeatChange[] = [];
    const restored = (key: string) => {
      if (!this.silent.delete(key)) return;
      changes.push({ kind: 'restored', server: key === ANY ? undefined : key, lastBeat: this.lastBeat.get(key), at });
    };
    restored(ANY);
    restored(server);
    this.lastBeat.set(server, at);
    return changes;
  }

  check(at = this.now()): HeartbeatChange[] {
    const changes: HeartbeatChange[] = [];
    const watched: [string, number][] = this.lastBeat.size === 0 ? [[ANY, this.startedAt]] : [...this.lastBeat];
    for (const [key, since] of watched) {
      if (at - since <= this.limitMs || this.silent.has(key)) continue;
      this.silent.add(key);
      changes.push({ kind: 'missed', server: key === ANY ? undefined : key, lastBeat: key === ANY ? undefined : since, at });
    }
    return changes;
  }
}
