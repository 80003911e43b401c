/** Injected faults (digest §9.3 control API): one-shot failures and hangs, silence towards pings, and delayed notifications. */
import { AuthFailure, AUTH_FAILURES, isAuthFailure } from './auth-status';

/**
 * What a hang holds unanswered: a token request (an identity provider that stops answering), a Notification REST
 * request (an API that stops answering), or a WebSocket upgrade (a handshake that never completes).
 */
export const HANG_TARGETS = ['token', 'rest', 'upgrade'] as const;
export type HangTarget = (typeof HANG_TARGETS)[number];

interface StatusFault {
  status: number;
  times: number;
}

export class Faults {
  private authFailure?: AuthFailure;
  private rest?: StatusFault;
  private token?: StatusFault;
  /** Neither JSON pings nor RFC 6455 ping frames are answered. */
  pongsStopped = false;
  /** Notifications leave this much later than they are produced. */
  delayMs = 0;
  private readonly hangs = new Set<HangTarget>();

  failNextAuth(status: string): void {
    if (!isAuthFailure(status)) throw new RangeError(`failNextAuth needs one of ${AUTH_FAILURES.join(', ')}`);
    this.authFailure = status;
  }

  failNextRest(status: number, times = 1): void {
    this.rest = statusFault('failNextRest', status, times);
  }

  failNextToken(status: number, times = 1): void {
    this.token = statusFault('failNextToken', status, times);
  }

  /** The next request of this kind is held unanswered until the client gives up, or the simulator stops or resets. */
  hangNext(target: string): void {
    if (!(HANG_TARGETS as readonly string[]).includes(target)) throw new RangeError(`hangNext needs one of ${HANG_TARGETS.join(', ')}`);
    this.hangs.add(target as HangTarget);
  }

  takeHang(target: HangTarget): boolean {
    return this.hangs.delete(target);
  }

  setDelay(ms: number): void {
    if (!(Number.isFinite(ms) && ms >= 0)) throw new RangeError('the delay must be a number of ms >= 0');
    this.delayMs = ms;
  }

  takeAuth(): AuthFailure | undefined {
    const status = this.authFailure;
    this.authFailure = undefined;
    return status;
  }

  takeRest(): number | undefined {
    const [status, rest] = take(this.rest);
    this.rest = rest;
    return status;
  }

  takeToken(): number | undefined {
    const [status, token] = take(this.token);
    this.token = token;
    return status;
  }

  clear(): void {
    this.authFailure = this.rest = this.token = undefined;
    this.hangs.clear();
    this.pongsStopped = false;
    this.delayMs = 0;
  }
}

function statusFault(name: string, status: number, times: number): StatusFault {
  if (!(Number.isInteger(status) && status >= 400 && status <= 599)) throw new RangeError(`${name} needs an HTTP error status (400-599)`);
  if (!(Number.isInteger(times) && times >= 1)) throw new RangeError(`${name} needs times >= 1`);
  return { status, times };
}

function take(fault: StatusFault | undefined): [number | undefined, StatusFault | undefined] {
  if (!fault) return [undefined, undefined];
  return [fault.status, fault.times > 1 ? { status: fault.status, times: fault.times - 1 } : undefined];
}
