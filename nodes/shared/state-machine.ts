import { EventEmitter } from 'events';

/** Which state each event leads to, per state; an event missing from a state's row means nothing there. */
export type TransitionTable<S extends string, E extends string> = Record<S, Partial<Record<E, S>>>;

export interface StateChange<S extends string, E extends string> {
  from: S;
  to: S;
  event: E;
  /** Why, in words a person can act on (never a secret). */
  reason?: string;
}

/**
 * An explicit state machine over a transition table. Every connection (Kafka consumer, STOMP
 * link, agent login, WebSocket) drives one; the node layer only renders its 'change' events.
 */
export class StateMachine<S extends string, E extends string> extends EventEmitter {
  private current: S;
  private lastReason: string | undefined;

  constructor(private readonly table: TransitionTable<S, E>, initial: S) {
    super();
    this.current = initial;
  }

  get state(): S {
    return this.current;
  }

  get reason(): string | undefined {
    return this.lastReason;
  }

  /** Applies an event; returns false (and changes nothing) when the event means nothing in this state. */
  dispatch(event: E, reason?: string): boolean {
    const to = this.table[this.current][event];
    if (!to) return false;
    if (to === this.current && reason === this.lastReason) return true;
    const change: StateChange<S, E> = { from: this.current, to, event, reason };
    this.current = to;
    this.lastReason = reason;
    this.emit('change', change);
    return true;
  }
}
