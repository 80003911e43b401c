/** What the simulator's parts share: options, clock, ids, stores, sockets, faults, and the way to raise its events. */
import { Faults, HangTarget } from './faults';
import { Ids } from './ids';
import { ResolvedAxpOptions } from './options';
import { SessionHub } from './session-hub';
import { SubscriptionStore } from './subscriptions';
import { Timers } from '../../shared/simulator/timers';
import { TokenStore } from './tokens';
import { World } from './world';

/** The simulator's own events (the EventEmitter side of AxpSimulator). */
export interface SimEvents {
  authenticated: string;
  'socket-closed': { code: number; reason: string; subscriptionId?: string };
  ping: string;
  request: { method: string; path: string; status: number };
  /** A request or upgrade is being held unanswered (the hang fault). */
  hanging: HangTarget;
}

export interface SimContext {
  readonly opts: ResolvedAxpOptions;
  readonly now: () => number;
  readonly ids: Ids;
  readonly timers: Timers;
  readonly tokens: TokenStore;
  readonly subscriptions: SubscriptionStore;
  readonly hub: SessionHub;
  readonly faults: Faults;
  readonly world: World;
  readonly log: (line: string) => void;
  readonly notify: <E extends keyof SimEvents>(event: E, payload: SimEvents[E]) => void;
  /** http://host:port of the running server, or the publicUrl it was given. */
  readonly origin: () => string;
}
