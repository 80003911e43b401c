/**
 * Injected faults: one-shot REST failures, a pod failover window in which REST and WebSocket upgrades get 503,
 * and hangs: requests of a kind that are accepted and never answered, the way a frozen server behaves.
 */
import type { Duplex } from 'node:stream';

/** Where the simulator can hang: the login, a subscription request (POST), or the WebSocket handshake. */
export type HangPoint = 'login' | 'subscribe' | 'handshake';
export const HANG_POINTS: readonly HangPoint[] = ['login', 'subscribe', 'handshake'];

export class Faults {
  private rest?: { status: number; times: number };
  private refusedUntil = 0;
  private readonly hanging = new Set<HangPoint>();
  /** The connections of hung requests, held open until the client gives up or the simulator stops. */
  private readonly held = new Set<Duplex>();

  constructor(private readonly now: () => number) {}

  failNextRest(status: number, times = 1): void {
    if (!(Number.isInteger(status) && status >= 400 && status <= 599)) throw new RangeError('failNextRest needs an HTTP error status (400-599)');
    if (!(Number.isInteger(times) && times >= 1)) throw new RangeError('failNextRest needs times >= 1');
    this.rest = { status, times };
  }

  /** The injected status for this request, if one is pending. */
  takeRest(): number | undefined {
    const fault = this.rest;
    if (!fault) return undefined;
    this.rest = fault.times > 1 ? { status: fault.status, times: fault.times - 1 } : undefined;
    return fault.status;
  }

  refuseFor(ms: number): void {
    if (!(Number.isFinite(ms) && ms >= 0)) throw new RangeError('refuseConnections needs a number of ms >= 0');
    this.refusedUntil = this.now() + ms;
  }

  get refusing(): boolean {
    return this.now() < this.refusedUntil;
  }

  /** From now on requests at `point` are never answered (on = false answers them again; those held stay held). */
  hang(point: HangPoint, on = true): void {
    if (!HANG_POINTS.includes(point)) throw new RangeError(`hang needs one of ${HANG_POINTS.join(', ')}`);
    if (on) this.hanging.add(point);
    else this.hanging.delete(point);
  }

  hangs(point: HangPoint): boolean {
    return this.hanging.has(point);
  }

  /** Keeps the connection of a hung request open; it is forgotten when the client closes it. */
  hold(socket: Duplex): void {
    this.held.add(socket);
    socket.once('close', () => this.held.delete(socket));
    // An upgrade's socket is half-open by the HTTP server's choice: the client's FIN alone would not close it.
    socket.once('end', () => socket.destroy());
  }

  /** Connections of hung requests the client has not closed. */
  get heldCount(): number {
    return this.held.size;
  }

  releaseHeld(): void {
    for (const socket of this.held) socket.destroy();
    this.held.clear();
  }
}
