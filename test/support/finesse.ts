import { encodeCommand } from '../../nodes/finesse/schema/commands';
import { GcSession, type GcSessionOptions } from '../../nodes/finesse/client/gc-session';
import type { GcIncoming } from '../../nodes/finesse/client/gc-incoming';
import type { CommandReply } from '../../nodes/finesse/client/pending-commands';
import { nextEmitted } from './wait';
import { GcSimulator, type GcSimulatorOptions, type SimAgent } from '../../nodes/finesse/simulator';

const [host, port] = (process.env.ACTIVEMQ_STOMP ?? '').split(':');
if (!host || !port) throw new Error('ACTIVEMQ_STOMP is not set: run the suite with `npm test`, which starts ActiveMQ');
export const STOMP = { host, port: Number(port) };

let seq = 0;
/** Queue and topic names no other test (or run) uses, so tests on the shared broker never see each other's traffic. */
export const uniqueName = (prefix: string) => `${prefix}_${process.pid}_${++seq}`;

/** Agents 1001..1020 with password pw<id> and extension 5<id minus 1000, padded>: 1001 -> 5001. */
export const AGENTS: SimAgent[] = Array.from({ length: 20 }, (_, i) => {
  const id = String(1001 + i);
  return { id, password: `pw${id}`, firstName: `First${id}`, lastName: `Last${id}`, loginName: `agent${id}`, teamId: '5000', wrapUpMode: 'OPTIONAL' };
});
export const extensionOf = (agentId: string) => String(Number(agentId) + 4000);

export async function startSimulator(overrides: Partial<GcSimulatorOptions> = {}): Promise<GcSimulator> {
  const simulator = new GcSimulator({
    stomp: STOMP, commandQueue: uniqueName('cc_gc'), agents: AGENTS, ringMs: 20, answerMs: 40, wrapUpMs: 400, ...overrides,
  });
  await simulator.start();
  return simulator;
}

export function sessionOptions(commandQueue: string, overrides: Partial<GcSessionOptions> = {}): GcSessionOptions {
  return {
    endpoint: STOMP,
    commandQueue,
    clientDestination: uniqueName('cc_client'),
    helloTimeoutMs: 300,
    beatIntervalMs: 400,
    maxMissedBeats: 2,
    ttlMs: 10000,
    reconnect: { initialMs: 100, maxMs: 1000, jitter: 0.2 },
    ...overrides,
  };
}

/** Resolves with the first event from now on that satisfies the predicate. */
export function nextEvent(session: GcSession, what: string, predicate: (incoming: GcIncoming) => boolean, timeoutMs = 10000): Promise<GcIncoming> {
  return nextEmitted(session, 'event', what, predicate, timeoutMs);
}

/** Resolves once the session's link reaches the state. */
export async function linkReaches(session: GcSession, state: string, timeoutMs = 15000): Promise<void> {
  if (session.state === state) return;
  await nextEmitted(session, 'link', `link state ${state}`, (change: { to: string }) => change.to === state, timeoutMs, () => `it is ${session.state}: ${session.link.reason ?? ''}`);
}

/** Sends a catalogue command through the session the way cc-finesse-command does. */
export function sendCommand(session: GcSession, command: string, agentId: string, args: unknown[] | Record<string, unknown> = [], timeoutMs = 5000): Promise<CommandReply> {
  const { type, body, command: known } = encodeCommand({ command, agentId, args });
  return session.command({ type, body, agentId, expectsReply: known?.expectsReply ?? true, replyTypes: known?.replyTypes ?? [], timeoutMs, describe: `${command} for ${agentId}` });
}

export function typeOf(reply: CommandReply): string | undefined {
  return reply.reply?.parsed.ok ? reply.reply.parsed.type : undefined;
}

export function field(reply: CommandReply | GcIncoming, name: string): unknown {
  const incoming = 'parsed' in reply ? reply : reply.reply;
  return incoming?.parsed.ok ? (incoming.parsed.payload as unknown as Record<string, unknown>)[name] : undefined;
}
