/**
 * The control API under /__sim/ (digest §9.3) for manual use and for tests in other processes: the same faults,
 * scripted traffic and introspection as the in-process methods, as JSON. These requests are not in `requests`.
 */
import { IncomingMessage } from 'node:http';
import { isPlainObject } from '../../shared/describe';
import { TransferTo } from './bodies/transfer';
import { SentNotification } from './delivery';
import { readBody, Reply } from './http-io';
import { AxpScenarioName, isScenarioName } from './scenarios';

export interface ControlTarget {
  inject(body: Record<string, unknown>, envelope?: Record<string, unknown>): SentNotification[];
  runScenario(name: AxpScenarioName, opts: { stepMs?: number; transferTo?: TransferTo }): Promise<SentNotification[]>;
  expireSubscription(subscriptionId: string): void;
  expireTokens(): void;
  dropSockets(opts: { closeFrame?: boolean }): void;
  stopPongs(stop: boolean): void;
  failNextAuth(status: string): void;
  failNextRest(status: number, times?: number): void;
  failNextToken(status: number, times?: number): void;
  hangNext(target: string): void;
  sendRaw(text: string): void;
  delayMessages(ms: number): void;
  startTraffic(everyMs: number): void;
  stopTraffic(): void;
  reset(): void;
  subscriptions(): unknown;
  sockets(): unknown;
  requests: readonly unknown[];
}

type Args = Record<string, unknown>;
type Handler = (target: ControlTarget, args: Args, param: string) => unknown;

const num = (args: Args, name: string): number | undefined => (args[name] === undefined ? undefined : Number(args[name]));
const object = (value: unknown, name: string): Record<string, unknown> => {
  if (!isPlainObject(value)) throw new RangeError(`${name} must be a JSON object`);
  return value;
};

const ROUTES: Record<string, Handler> = {
  'GET subscriptions': (t) => t.subscriptions(),
  'GET sockets': (t) => t.sockets(),
  'GET requests': (t) => t.requests,
  'POST notifications': (t, a) => ({ sent: t.inject(object(a.body, 'body'), a.envelope === undefined ? undefined : object(a.envelope, 'envelope')) }),
  'POST scenarios/*': async (t, a, name) => {
    if (!isScenarioName(name)) throw new RangeError(`unknown scenario ${name}`);
    return { sent: await t.runScenario(name, { stepMs: num(a, 'stepMs'), transferTo: a.transferTo as TransferTo | undefined }) };
  },
  'POST subscriptions/*/expire': (t, _a, id) => t.expireSubscription(id),
  'POST tokens/expire': (t) => t.expireTokens(),
  'POST sockets/drop': (t, a) => t.dropSockets({ closeFrame: a.closeFrame !== false }),
  'POST pongs': (t, a) => t.stopPongs(a.stop === true),
  'POST faults/auth': (t, a) => t.failNextAuth(String(a.status)),
  'POST faults/rest': (t, a) => t.failNextRest(Number(a.status), num(a, 'times')),
  'POST faults/token': (t, a) => t.failNextToken(Number(a.status), num(a, 'times')),
  'POST faults/hang': (t, a) => t.hangNext(String(a.target)),
  'POST raw': (t, a) => t.sendRaw(String(a.text ?? '')),
  'POST delay': (t, a) => t.delayMessages(Number(a.ms)),
  'POST traffic': (t, a) => t.startTraffic(Number(a.everyMs)),
  'DELETE traffic': (t) => t.stopTraffic(),
  'POST reset': (t) => t.reset(),
};

/** `subscriptions/abc/expire` matches `subscriptions/*\/expire` with param `abc`. */
function lookup(method: string, path: string): { handler: Handler; param: string } | undefined {
  const parts = path.split('/').filter((p) => p !== '');
  for (const [key, handler] of Object.entries(ROUTES)) {
    const [verb, pattern] = key.split(' ');
    const want = pattern.split('/');
    if (verb !== method || want.length !== parts.length) continue;
    const params: string[] = [];
    const matches = want.every((w, i) => {
      if (w !== '*') return w === parts[i];
      params.push(parts[i]);
      return true;
    });
    if (matches) return { handler, param: params[0] ?? '' };
  }
  return undefined;
}

export async function controlRoute(target: ControlTarget, req: IncomingMessage, reply: Reply, path: string): Promise<void> {
  const found = lookup(req.method ?? '', path);
  if (!found) return reply.json(404, { error: `no control route ${req.method} /__sim/${path}` });
  try {
    const text = await readBody(req);
    const args = text.trim() === '' ? {} : object(JSON.parse(text), 'the request body');
    const result = await found.handler(target, args, decodeURIComponent(found.param));
    reply.json(200, result ?? { ok: true });
  } catch (err) {
    reply.json(400, { error: (err as Error).message });
  }
}
