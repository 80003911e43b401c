/**
 * The control API under /__sim/ (digest §14.2.12) for manual use and for tests in other processes: the same traffic,
 * faults and introspection as the in-process methods, as JSON. These requests are not in `requests`.
 */
import { IncomingMessage } from 'node:http';
import { isPlainObject } from '../../shared/describe';
import { HangPoint } from './faults';
import { AgentState } from './floor';
import { readBody, Reply } from './http-io';

export interface ControlTarget {
  setAgentState(agentId: string, state: AgentState, reasonCode?: string): void;
  offerContact(agentId?: string): void;
  contactDetails(count: number): void;
  hang(point: HangPoint, on: boolean): void;
  startTraffic(everyMs: number): void;
  stopTraffic(): void;
  dropSockets(opts: { closeFrame?: boolean }): void;
  refuseConnections(ms: number): void;
  expireTokens(): void;
  failNextRest(status: number, times?: number): void;
  sendRaw(text: string): void;
  removeAgentFromGroup(agentId: string): void;
  state(): unknown;
  jwks(): unknown;
  publicKeyPem(): string;
}

type Args = Record<string, unknown>;

const optionalString = (args: Args, name: string): string | undefined => (args[name] === undefined ? undefined : String(args[name]));

const ROUTES: Record<string, (target: ControlTarget, args: Args) => unknown> = {
  'GET state': (t) => t.state(),
  'GET jwks': (t) => t.jwks(),
  'POST agents/state': (t, a) => t.setAgentState(String(a.agentId), String(a.state) as AgentState, optionalString(a, 'reasonCode')),
  'POST contacts': (t, a) => t.offerContact(optionalString(a, 'agentId')),
  'POST contacts/details': (t, a) => t.contactDetails(Number(a.count)),
  'POST agents/remove-from-group': (t, a) => t.removeAgentFromGroup(String(a.agentId)),
  'POST traffic': (t, a) => t.startTraffic(Number(a.everyMs)),
  'DELETE traffic': (t) => t.stopTraffic(),
  'POST sockets/drop': (t, a) => t.dropSockets({ closeFrame: a.closeFrame !== false }),
  'POST failover': (t, a) => t.refuseConnections(Number(a.ms)),
  'POST tokens/expire': (t) => t.expireTokens(),
  'POST faults/rest': (t, a) => t.failNextRest(Number(a.status), a.times === undefined ? undefined : Number(a.times)),
  'POST faults/hang': (t, a) => t.hang(String(a.point) as HangPoint, a.on !== false),
  'POST raw': (t, a) => t.sendRaw(String(a.text ?? '')),
};

export async function controlRoute(target: ControlTarget, req: IncomingMessage, reply: Reply, path: string): Promise<void> {
  if (req.method === 'GET' && path === 'public-key.pem') return reply.text(200, target.publicKeyPem(), 'application/x-pem-file');
  const handler = ROUTES[`${req.method} ${path.replace(/\/+$/, '')}`];
  if (!handler) return reply.json(404, { error: `no control route ${req.method} /__sim/${path}`, routes: Object.keys(ROUTES) });
  try {
    const text = await readBody(req);
    const args = text.trim() === '' ? {} : JSON.parse(text);
    if (!isPlainObject(args)) throw new RangeError('the request body must be a JSON object');
    reply.json(200, handler(target, args) ?? { ok: true });
  } catch (err) {
    reply.json(400, { error: (err as Error).message });
  }
}
