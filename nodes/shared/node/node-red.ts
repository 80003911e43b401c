/**
 * The small part of Node-RED's runtime API the pack uses, typed locally so the build does not
 * depend on a types package that lags the runtime.
 */
import type { NodeStatus } from '../status';

export interface NodeMessage {
  [key: string]: unknown;
}

export interface NodeRedNode {
  id: string;
  type: string;
  name?: string;
  credentials?: Record<string, string | undefined>;
  status(status: NodeStatus): void;
  send(msg: NodeMessage | (NodeMessage | null)[] | null): void;
  error(error: unknown, msg?: NodeMessage): void;
  warn(message: unknown): void;
  log(message: unknown): void;
  debug(message: unknown): void;
  on(event: 'close', listener: (removed: boolean, done: () => void) => void): void;
  on(event: 'input', listener: (msg: NodeMessage, send: (msg: NodeMessage | (NodeMessage | null)[]) => void, done: (err?: unknown) => void) => void): void;
}

export interface NodeDefinition {
  id: string;
  type: string;
  name?: string;
  [property: string]: unknown;
}

export interface NodeRedApi {
  nodes: {
    createNode(node: object, config: NodeDefinition): void;
    registerType(type: string, constructor: Function, options?: { credentials?: Record<string, { type: 'text' | 'password' }> }): void;
    getNode(id: string): unknown;
  };
  log: { warn(msg: string): void; info(msg: string): void; debug(msg: string): void };
  _: (key: string, substitutions?: Record<string, unknown>) => string;
}
