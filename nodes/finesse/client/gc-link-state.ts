import { StateMachine, type StateChange, type TransitionTable } from '../../shared/state-machine';

/**
 * The link between one client destination and the Generic Connector (digest §2.4):
 * broker-down: no STOMP connection (connecting or waiting to retry);
 * handshaking: connected and subscribed, sending Hello until GC answers;
 * out-of-service: GC answers but has lost Finesse, so agent commands are refused;
 * in-service: GC serves commands; Beat keeps checking.
 */
export type GcLinkState = 'idle' | 'broker-down' | 'handshaking' | 'out-of-service' | 'in-service' | 'stopped';

/**
 * start: begin connecting; subscribed: STOMP connected and the client topic subscribed;
 * in-service / out-of-service: GC's System#… answer; beats-missed: Beat went unanswered too often;
 * broker-lost: the STOMP connection failed or ended; stop: closed for good.
 */
export type GcLinkEvent = 'start' | 'subscribed' | 'in-service' | 'out-of-service' | 'beats-missed' | 'broker-lost' | 'stop';

const TRANSITIONS: TransitionTable<GcLinkState, GcLinkEvent> = {
  idle: { start: 'broker-down', stop: 'stopped' },
  'broker-down': { subscribed: 'handshaking', 'broker-lost': 'broker-down', stop: 'stopped' },
  handshaking: { 'in-service': 'in-service', 'out-of-service': 'out-of-service', 'broker-lost': 'broker-down', stop: 'stopped' },
  'out-of-service': { 'in-service': 'in-service', 'out-of-service': 'out-of-service', 'broker-lost': 'broker-down', stop: 'stopped' },
  'in-service': {
    'in-service': 'in-service', 'out-of-service': 'out-of-service', 'beats-missed': 'handshaking', 'broker-lost': 'broker-down', stop: 'stopped',
  },
  stopped: {},
};

export type GcLinkChange = StateChange<GcLinkState, GcLinkEvent>;

export function nextGcLinkState(from: GcLinkState, event: GcLinkEvent): GcLinkState | undefined {
  return TRANSITIONS[from][event];
}

export class GcLinkStateMachine extends StateMachine<GcLinkState, GcLinkEvent> {
  constructor() {
    super(TRANSITIONS, 'idle');
  }
}
