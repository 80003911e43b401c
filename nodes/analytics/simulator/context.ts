/** What the simulator's parts share: options, clock, stores, sockets, faults, the floor model, and its events. */
import { Faults, HangPoint } from './faults';
import { Floor } from './floor';
import { ResolvedAnalyticsOptions } from './options';
import { Pacing } from './pacing';
import { SessionHub } from './session-hub';
import { SubscriptionStore } from './subscriptions';
import { Timers } from '../../shared/simulator/timers';
import { TokenStore } from './tokens';

export interface RequestRecord {
  method: string;
  /** The path without the query string, so passwords never reach the log. */
  path: string;
  status: number;
  /** Epoch ms of the answer. */
  at: number;
}

/** The simulator's own events (the EventEmitter side of AnalyticsSimulator). */
export interface SimEvents {
  redirect: { guid: string; eventName: string };
  'socket-closed': { code: number; reason: string };
  'client-heartbeat': { username?: string };
  request: { method: string; path: string; status: number };
  /** A request the simulator was told to hang on arrived and will not be answered. */
  hung: { point: HangPoint };
}

export interface SimContext {
  readonly opts: ResolvedAnalyticsOptions;
  readonly now: () => number;
  readonly timers: Timers;
  readonly tokens: TokenStore;
  readonly subscriptions: SubscriptionStore;
  readonly hub: SessionHub;
  readonly floor: Floor;
  readonly faults: Faults;
  readonly pacing: Pacing;
  /** The next pumpup number of this user (the `n` of pumpupIdentifier). */
  readonly pumpupSequence: (username: string) => number;
  readonly log: (line: string) => void;
  readonly notify: <E extends keyof SimEvents>(event: E, payload: SimEvents[E]) => void;
  /** ws://host:port of the running server, or the endpointOrigin option. */
  readonly wsOrigin: () => string;
}
