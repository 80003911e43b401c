import assert from 'node:assert/strict';
import type { AgentObservation, AgentSourceMessage } from '../../nodes/agent/model';
import { createFinesseAgentStateMapper } from '../../nodes/finesse/agent-state-mapper';
import { commandRequest } from '../../nodes/finesse/command-request';
import { parseFinesseEvent } from '../../nodes/finesse/schema/events';
import { GcSimulator, type FinesseFlavor } from '../../nodes/finesse/simulator';
import { eventMessage } from '../../nodes/shared/message';

const DESTINATION = 'NR_scenario';
const AGENT = '1001';

interface Published {
  body: string;
  correlationId?: string;
}

/** The parts of the simulator a test without a broker reaches into: its way out, and its handling of one command. */
interface SimulatorInside {
  transport: { publish(destination: string, body: string, correlationId?: string): boolean };
  handle(headers: Record<string, string>, body: string): void;
}

/**
 * The project's GC simulator run in-process: commands encoded as cc-finesse-command encodes them go straight into its
 * command handling, and what it publishes on the client topic is kept instead of going to a broker.
 */
class InProcessGc {
  readonly simulator: GcSimulator;
  private readonly inside: SimulatorInside;
  private outbox: Published[] = [];
  private sequence = 0;

  constructor(flavor: FinesseFlavor) {
    this.simulator = new GcSimulator({
      stomp: { host: 'localhost', port: 61613 },
      agents: [{ id: AGENT, password: 'pw1001', firstName: 'Sara', lastName: 'Khan', wrapUpMode: 'REQUIRED' }],
      flavor,
      wrapUpMs: 3600000,
    });
    this.inside = this.simulator as unknown as SimulatorInside;
    this.inside.transport.publish = (_destination, body, correlationId) => {
      this.outbox.push({ body, correlationId });
      return true;
    };
  }

  /** Sends one command; returns the events it caused with the correlation-id of the command. */
  command(command: string, payload?: Record<string, string>): { correlationId: string; name: string; type: string; events: Published[] } {
    const request = commandRequest({ command, agentId: AGENT, payload }, { command: '', loginArguments: {}, clientDestination: DESTINATION, timeoutMs: 10000 });
    const correlationId = `corr-${++this.sequence}`;
    this.inside.handle({ type: request.encoded.type, 'correlation-id': correlationId, 'reply-to': `/topic/${DESTINATION}` }, request.encoded.body);
    return { correlationId, name: request.name, type: request.encoded.type, events: this.take() };
  }

  take(): Published[] {
    const events = this.outbox;
    this.outbox = [];
    return events;
  }
}

function eventMsg(event: Published): AgentSourceMessage {
  const parsed = parseFinesseEvent(event.body);
  if (!parsed.ok) assert.fail(`simulator body ${JSON.stringify(event.body)} does not parse: ${parsed.message}`);
  const headers: Record<string, string> = { destination: `/topic/${DESTINATION}` };
  if (event.correlationId) headers['correlation-id'] = event.correlationId;
  return eventMessage('finesse', { ...parsed, payload: structuredClone(parsed.payload) }, { name: 'stomp', meta: headers }, new Date().toISOString());
}

/** One line per observation: what GC said, and what the unified model reads from it. */
function line(o: AgentObservation): string {
  const said = o.native.state ? `${o.native.type} ${o.native.state}` : o.native.type;
  const parts = [o.state ?? '-'];
  if (o.reason) parts.push(`reason ${o.reason.code}${o.reason.label ? ` (${o.reason.label})` : ''}`);
  if (o.pending) parts.push(`pending ${o.pending}`);
  if (o.contacts !== undefined) parts.push(`contacts ${o.contacts}`);
  return `${said}: ${parts.join(', ')}`;
}

/**
 * Logs in, goes ready, is offered a call, talks, holds, retrieves, hangs up into wrap-up, goes not ready with a
 * reason, asks for its state (a command reply, mapped from cc-finesse-command's output) and logs out.
 */
function playScenario(flavor: FinesseFlavor): { lines: string[]; observations: AgentObservation[] } {
  const gc = new InProcessGc(flavor);
  const mapper = createFinesseAgentStateMapper();
  const observations: AgentObservation[] = [];
  const deliver = (events: Published[]) => {
    for (const event of events) observations.push(...mapper.map(eventMsg(event)));
  };
  try {
    deliver(gc.command('Connect', { agent_password: 'pw1001' }).events);
    deliver(gc.command('Login', { agent_password: 'pw1001', agent_extension: '5001' }).events);
    deliver(gc.command('MakeReady').events);
    const dialogId = gc.simulator.injectInboundCall(AGENT, { ani: '03001234567' });
    deliver(gc.take());
    deliver(gc.command('AnswerCall', { dialog_id: dialogId }).events);
    deliver(gc.command('HoldCall', { dialog_id: dialogId }).events);
    deliver(gc.command('RetrieveCall', { dialog_id: dialogId }).events);
    deliver(gc.command('ReleaseCall', { dialog_id: dialogId }).events);
    deliver(gc.command('MakeNotReadyWithReason', { reason_code: '2' }).events);
    // cc-finesse-command's output 1: the input message, the correlated reply's event message, and msg.command.
    const asked = gc.command('GetState');
    const reply = asked.events.find((e) => e.correlationId === asked.correlationId);
    assert.ok(reply, 'GetState is answered');
    const input = { command: 'GetState', agentId: AGENT, payload: Date.now() };
    const command = { name: asked.name, type: asked.type, correlationId: asked.correlationId, elapsedMs: 1 };
    observations.push(...mapper.map({ ...input, ...eventMsg(reply), command }));
    deliver(gc.command('Logout').events);
  } finally {
    void gc.simulator.stop();
  }
  return { lines: observations.map(line), observations };
}

describe('Finesse agent state mapper: the agent scenario against the GC simulator', () => {
  it('UCCE: every step shows in the unified sequence, hold included', () => {
    const { lines, observations } = playScenario('UCCE');
    assert.deepEqual(lines, [
      'AgentInfo: -',
      'State NOT_READY: NOT_READY',
      'DialogStatus: -, contacts 0',
      'State READY: READY',
      'NewInboundCall: -, contacts 1',
      'State RESERVED: RESERVED',
      'InboundCall ALERTING: -, contacts 1',
      'InboundCall ACTIVE: -, contacts 1',
      'State TALKING: BUSY',
      'InboundCall HELD: -, contacts 1',
      'State HOLD: BUSY',
      'InboundCall ACTIVE: -, contacts 1',
      'State TALKING: BUSY',
      'InboundCall DROP: -, contacts 0',
      'State WORK_READY: WRAP_UP, pending READY',
      'State NOT_READY: NOT_READY, reason 2 (Lunch)',
      'State NOT_READY: NOT_READY, reason 2 (Lunch)',
      'State LOGOUT: LOGGED_OUT, contacts 0',
    ]);
    const states = observations.filter((o) => o.native.type === 'State');
    assert.ok(states.every((o) => o.name === 'Sara Khan' && o.eventTime !== undefined), 'State events name the agent and date the change');
    // The logout releases the extension: GC sends it empty, which tells nothing.
    assert.deepEqual(states.map((o) => o.extension), [...states.slice(1).map(() => '5001'), undefined]);
  });

  it('UCCX: hold is not seen (no hold event, no HOLD state): the agent stays TALKING', () => {
    const { lines } = playScenario('UCCX');
    const hold = lines.slice(lines.indexOf('State TALKING: BUSY'), lines.indexOf('InboundCall DROP: -, contacts 0'));
    assert.deepEqual(hold, ['State TALKING: BUSY', 'InboundCall ACTIVE: -, contacts 1']);
  });
});
