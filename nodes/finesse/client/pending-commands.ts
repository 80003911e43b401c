import { GcCommandError } from './command-errors';
import { agentOf, type GcIncoming } from './gc-incoming';

export interface CommandReply {
  correlationId: string;
  /** The event that answered; absent for commands GC never answers (Connect, wrapup). */
  reply?: GcIncoming;
  elapsedMs: number;
}

/** How many commands one GC session lets wait for GC's answer at once, unless its options say otherwise. */
export const DEFAULT_PENDING_LIMIT = 1000;

interface Waiting {
  agentId?: string;
  replyTypes: readonly string[];
  startedAt: number;
  timer: NodeJS.Timeout;
  resolve: (reply: CommandReply) => void;
  reject: (err: GcCommandError) => void;
}

/**
 * Commands waiting for GC's answer. GC copies a command's correlation-id onto the events that answer it
 * (the vendor document, section 1.6); where a GC build never does, the oldest command of the same agent that
 * expects that event type takes it, so a reply is never left unclaimed while its command times out.
 *
 * At most `limit` commands wait at once: a GC that stops answering while messages keep coming would otherwise
 * hold every one of them (and its timer) until it times out. A command beyond the limit is refused at once, and
 * `limitReached` is told the first time that happens, so the log gets one line rather than one per command.
 */
export class PendingCommands {
  private readonly waiting = new Map<string, Waiting>();
  /** Whether GC has been seen copying correlation ids onto its events. */
  private echoes = false;
  private limitReported = false;

  constructor(readonly limit = DEFAULT_PENDING_LIMIT, private readonly limitReached?: (limit: number) => void) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`the limit of pending GC commands must be a whole number ≥ 1, not ${String(limit)}`);
  }

  get size(): number {
    return this.waiting.size;
  }

  /**
   * Throws GcCommandError `too-many-pending` when `limit` commands already wait, counting `alsoInFlight`
   * commands the caller holds elsewhere (being written, expecting no answer).
   */
  admit(describe: string, alsoInFlight = 0): void {
    if (this.waiting.size + alsoInFlight < this.limit) return;
    if (!this.limitReported) {
      this.limitReported = true;
      this.limitReached?.(this.limit);
    }
    throw new GcCommandError(
      `cannot send ${describe}: ${this.limit} commands already wait for GC's answer on this GC session (its limit); ` +
      'GC answers slowly or not at all, so send fewer commands at once or try again when the earlier ones are answered',
      'too-many-pending');
  }

  /** Starts waiting for the answer to a command about to be sent; throws at once (see admit) when the limit is reached. */
  wait(correlationId: string, agentId: string | undefined, replyTypes: readonly string[], timeoutMs: number, describe: string): Promise<CommandReply> {
    this.admit(describe);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(correlationId);
        reject(new GcCommandError(`no answer from GC to ${describe} within ${timeoutMs} ms`, 'timeout', correlationId));
      }, timeoutMs);
      this.waiting.set(correlationId, { agentId, replyTypes, startedAt: Date.now(), timer, resolve, reject });
    });
  }

  /** Forgets a wait whose command could not be sent. */
  cancel(correlationId: string): void {
    const entry = this.waiting.get(correlationId);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.waiting.delete(correlationId);
  }

  /** Ends one wait with `closed`: whoever sent the command stopped waiting for it (its node was closed). */
  abandon(correlationId: string, message: string): void {
    const entry = this.waiting.get(correlationId);
    if (!entry) return;
    this.cancel(correlationId);
    entry.reject(new GcCommandError(message, 'closed', correlationId));
  }

  /** Ends the wait an incoming event answers; returns false when it answers none. */
  settle(incoming: GcIncoming): boolean {
    const correlationId = incoming.headers['correlation-id'];
    if (correlationId) this.echoes = true;
    let id = correlationId && this.waiting.has(correlationId) ? correlationId : undefined;
    // Matching by agent and type is only for a GC that never copies correlation ids: where it does, an event
    // without one is news (a state change at the phone), not the answer to a command.
    if (!id && !correlationId && !this.echoes) id = this.claimant(incoming);
    if (!id) return false;
    const entry = this.waiting.get(id)!;
    this.waiting.delete(id);
    clearTimeout(entry.timer);
    const refusal = refusalOf(incoming, id);
    if (refusal) entry.reject(refusal);
    else entry.resolve({ correlationId: id, reply: incoming, elapsedMs: Date.now() - entry.startedAt });
    return true;
  }

  failAll(message: string, failure: 'disconnected' | 'closed' | 'not-in-service'): void {
    for (const [id, entry] of this.waiting) {
      clearTimeout(entry.timer);
      entry.reject(new GcCommandError(message, failure, id));
    }
    this.waiting.clear();
  }

  private claimant(incoming: GcIncoming): string | undefined {
    if (!incoming.parsed.ok) return undefined;
    const agentId = agentOf(incoming);
    const type = incoming.parsed.type;
    const refusal = type === 'Error' || isReLogin(incoming);
    for (const [id, entry] of this.waiting) {
      if (entry.agentId !== agentId) continue;
      if (refusal || entry.replyTypes.includes(type)) return id;
    }
    return undefined;
  }
}

function isReLogin(incoming: GcIncoming): boolean {
  const parsed = incoming.parsed;
  return parsed.ok && parsed.type === 'State' && (parsed.payload as { state?: string }).state === 'RE_LOGIN';
}

function refusalOf(incoming: GcIncoming, correlationId: string): GcCommandError | undefined {
  const parsed = incoming.parsed;
  if (!parsed.ok) return undefined;
  if (parsed.type === 'Error') {
    const name = (parsed.payload as { error?: string }).error ?? 'unknown error';
    const agent = agentOf(incoming);
    return new GcCommandError(`GC refused the command${agent ? ` for agent ${agent}` : ''}: ${name}`, 'gc-error', correlationId, name, incoming);
  }
  if (isReLogin(incoming)) {
    return new GcCommandError(`GC does not know agent ${agentOf(incoming) ?? ''} (State RE_LOGIN): the agent must log in again`, 're-login', correlationId, 'RE_LOGIN', incoming);
  }
  return undefined;
}
