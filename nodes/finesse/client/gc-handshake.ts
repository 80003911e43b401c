export interface GcHandshakeOptions {
  helloTimeoutMs: number;
  beatIntervalMs: number;
  maxMissedBeats: number;
  sendHello: () => void;
  sendBeat: () => void;
  beatsMissed: (count: number) => void;
}

/**
 * The timers of the GC handshake (digest §2.2): Hello every CONNECT_TIMEOUT until GC says IN_SERVICE, then
 * Beat every beat interval, counting Beats GC left unanswered.
 */
export class GcHandshake {
  private timer: NodeJS.Timeout | undefined;
  private unanswered = 0;

  constructor(private readonly options: GcHandshakeOptions) {}

  startHello(): void {
    this.stop();
    this.options.sendHello();
    this.timer = setInterval(() => this.options.sendHello(), this.options.helloTimeoutMs);
  }

  startBeat(): void {
    this.stop();
    this.timer = setInterval(() => this.beat(), this.options.beatIntervalMs);
  }

  /** GC answered a Hello or a Beat. */
  answered(): void {
    this.unanswered = 0;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.unanswered = 0;
  }

  private beat(): void {
    if (this.unanswered >= this.options.maxMissedBeats) {
      this.options.beatsMissed(this.unanswered);
      return;
    }
    this.unanswered++;
    this.options.sendBeat();
  }
}
