import { EventEmitter } from 'events';
import path from 'path';
import { BROKERS } from './kafka';
import { nextEmitted } from './wait';

// eslint-disable-next-line @typescript-eslint/no-var-requires
export const helper = require('node-red-node-test-helper');
helper.init(require.resolve('node-red'));

const BUILD = path.resolve(__dirname, '..', '..');
export const brokerModule = require(path.join(BUILD, 'nodes', 'kafka', 'cc-kafka-broker'));
export const genesysModule = require(path.join(BUILD, 'nodes', 'genesys', 'cc-genesys-agentstate'));
export const pomModule = require(path.join(BUILD, 'nodes', 'pom', 'cc-pom-events'));
/** Node-RED's Catch node, to prove errors reach a flow's error handling. */
export const catchModule = require('@node-red/nodes/core/common/25-catch.js');
export const axpModules = ['cc-axp-account', 'cc-axp-events'].map((type) => require(path.join(BUILD, 'nodes', 'axp', type)));
export const analyticsModules = ['cc-analytics-server', 'cc-analytics-measures', 'cc-analytics-query'].map((type) => require(path.join(BUILD, 'nodes', 'analytics', type)));
export const finesseModules = ['cc-finesse-gc', 'cc-finesse-agent', 'cc-finesse-events', 'cc-finesse-command'].map((type) => require(path.join(BUILD, 'nodes', 'finesse', type)));

export interface Msg {
  topic?: string;
  payload: any;
  event?: any;
  kafka?: any;
  error?: { message: string; issues: { path: (string | number)[]; message: string }[]; code?: string; errorName?: string; correlationId?: string };
  [key: string]: any;
}

/** A cc-kafka-broker definition pointing at the test broker, with a short session so rebalances finish quickly. */
export function brokerConfig(overrides: Record<string, unknown> = {}) {
  return { id: 'broker', type: 'cc-kafka-broker', name: 'test kafka', brokers: BROKERS.join(','), clientId: 'cc-test-node', sessionTimeout: 6000, ...overrides };
}

/** A source node wired to two helper nodes: `${id}-out` (output 1) and `${id}-err` (output 2). */
export function sourceWithOutputs(type: string, id: string, props: Record<string, unknown>): Record<string, unknown>[] {
  return [
    { id, type, broker: 'broker', wires: [[`${id}-out`], [`${id}-err`]], ...props },
    { id: `${id}-out`, type: 'helper' },
    { id: `${id}-err`, type: 'helper' },
  ];
}

/** Gathers what a helper node receives and lets a test await a number of messages. */
export class Collector extends EventEmitter {
  readonly messages: Msg[] = [];

  constructor(node: EventEmitter) {
    super();
    node.on('input', (msg: Msg) => {
      this.messages.push(msg);
      this.emit('message', msg);
    });
  }

  waitFor(count: number, timeoutMs = 30000): Promise<Msg[]> {
    return this.waitUntil(`${count} messages`, (messages) => messages.length >= count, timeoutMs);
  }

  /** Resolves with the messages so far once they satisfy the condition. */
  waitUntil(what: string, condition: (messages: Msg[]) => boolean, timeoutMs = 30000): Promise<Msg[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!condition(this.messages)) return false;
        clearTimeout(timer);
        this.off('message', check);
        resolve(this.messages.slice());
        return true;
      };
      const timer = setTimeout(() => {
        this.off('message', check);
        reject(new Error(`expected ${what} within ${timeoutMs} ms, got ${this.messages.length} messages`));
      }, timeoutMs);
      if (!check()) this.on('message', check);
    });
  }
}

export interface StatusCall {
  fill?: string;
  shape?: string;
  text?: string;
}

/** Resolves with the first status the node shows (from now on) that satisfies the predicate. */
export function waitForStatus(node: EventEmitter, predicate: (s: StatusCall) => boolean, timeoutMs = 30000): Promise<StatusCall> {
  const seen: string[] = [];
  const shown = (call: { args: [StatusCall] }) => {
    const status = call.args[0] ?? {};
    seen.push(status.text ?? '');
    return predicate(status);
  };
  return nextEmitted(node, 'call:status', 'such status', shown, timeoutMs, () => `saw: ${seen.slice(-8).join(' | ')}`)
    .then((call) => (call as { args: [StatusCall] }).args[0] ?? {});
}

export function load(nodes: unknown[], flow: unknown[], credentials: Record<string, unknown> = {}): Promise<void> {
  return new Promise((resolve) => helper.load(nodes, flow, credentials, () => resolve()));
}
export const agentStateModule = require(path.join(BUILD, 'nodes', 'agent', 'cc-agent-state'));
