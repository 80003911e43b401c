/** Routes each HTTP request, applies the injected REST and token faults (failures, hangs) first, and records every vendor-API answer. */
import { IncomingMessage, ServerResponse } from 'node:http';
import { SimContext } from './context';
import { controlRoute, ControlTarget } from './control-routes';
import { BodyTooLarge, Reply } from './http-io';
import { notificationRoute } from './notification-routes';
import { routeOf } from './paths';
import { tokenRoute } from './token-route';

export interface RequestRecord {
  method: string;
  /** The path without the query string. */
  path: string;
  status: number;
}

export interface RestHooks {
  control: ControlTarget;
  onTokenRequest: () => void;
  /** Keeps the request unanswered (the hang fault). */
  hold: (req: IncomingMessage, target: 'token' | 'rest') => void;
  onAnswered: (record: RequestRecord) => void;
}

export function handleRequest(ctx: SimContext, hooks: RestHooks, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://simulator');
  const route = routeOf(url.pathname);
  const method = req.method ?? 'GET';
  const reply =
    route.kind === 'control' ? new Reply(res, () => undefined) : new Reply(res, (status) => hooks.onAnswered({ method, path: url.pathname, status }));
  const handled = route.kind === 'control' ? controlRoute(hooks.control, req, reply, route.path) : vendorRoute(ctx, hooks, req, reply, url);
  handled.catch((err: Error) => {
    if (err instanceof BodyTooLarge) return reply.problem(413, err.message);
    ctx.log(`${method} ${url.pathname}: ${err.message}`);
    reply.problem(500, 'the simulator failed to handle the request');
  });
}

async function vendorRoute(ctx: SimContext, hooks: RestHooks, req: IncomingMessage, reply: Reply, url: URL): Promise<void> {
  const route = routeOf(url.pathname);
  if (route.kind === 'token') {
    hooks.onTokenRequest();
    if (ctx.faults.takeHang('token')) return hooks.hold(req, 'token');
    const injected = ctx.faults.takeToken();
    if (injected !== undefined) return reply.problem(injected, 'injected fault');
    return tokenRoute(ctx, req, reply, route.accountId);
  }
  if (route.kind === 'subscriptions' || route.kind === 'subscription') {
    if (ctx.faults.takeHang('rest')) return hooks.hold(req, 'rest');
    const injected = ctx.faults.takeRest();
    if (injected !== undefined) return reply.problem(injected, 'injected fault');
    return notificationRoute(ctx, req, reply, route, url.searchParams);
  }
  reply.problem(404, `no resource at ${url.pathname}`);
}
