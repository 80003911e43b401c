/**
 * Routes each HTTP request: the control API, then the failover window and injected faults, login, the Bearer check,
 * pacing, and the vendor routes. Every vendor-route answer is recorded (path without its query string).
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import { dictionaryRoute, dimensionDataRoute, producersRoute, sourcesRoute } from './catalogue-routes';
import { SimContext } from './context';
import { controlRoute, ControlTarget } from './control-routes';
import { BodyTooLarge, Reply } from './http-io';
import { loginRoute } from './login-route';
import { routeOf } from './paths';
import { subscriptionsRoute } from './subscription-routes';

export function handleRequest(ctx: SimContext, control: ControlTarget, onAnswered: (method: string, path: string, status: number) => void, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://simulator');
  const route = routeOf(url.pathname);
  const method = req.method ?? 'GET';
  const reply = new Reply(res, (status) => {
    if (route.kind !== 'control') onAnswered(method, url.pathname, status);
  });
  const handled = route.kind === 'control' ? controlRoute(control, req, reply, route.path) : vendorRoute(ctx, req, reply, url);
  handled.catch((err: Error) => {
    if (err instanceof BodyTooLarge) return reply.error(413, err.message);
    ctx.log(`${method} ${url.pathname}: ${err.message}`);
    reply.error(500, 'the simulator failed to handle the request');
  });
}

async function vendorRoute(ctx: SimContext, req: IncomingMessage, reply: Reply, url: URL): Promise<void> {
  if (ctx.faults.refusing) return reply.error(503, 'the service is failing over; retry shortly');
  const injected = ctx.faults.takeRest();
  if (injected !== undefined) return reply.error(injected, 'injected fault');
  const route = routeOf(url.pathname);
  if (route.kind === 'none' || route.kind === 'control') return reply.error(404, `no resource at ${url.pathname}`);
  const hangAt = route.kind === 'login' ? 'login' : route.kind === 'subscriptions' && req.method === 'POST' ? 'subscribe' : undefined;
  if (hangAt && ctx.faults.hangs(hangAt)) {
    // A frozen server: the request is read and never answered, its connection held until the client gives up.
    ctx.faults.hold(req.socket);
    ctx.notify('hung', { point: hangAt });
    return;
  }
  if (route.kind === 'login') return loginRoute(ctx, req.method ?? 'GET', url.searchParams, reply);
  const jwt = /^Bearer\s+(\S+)/i.exec(req.headers.authorization ?? '')?.[1];
  if (jwt === undefined) return reply.error(401, 'Authorization: Bearer <token> is required');
  const token = ctx.tokens.check(jwt);
  if (!token) return reply.error(401, 'the token is invalid or expired');
  if (ctx.pacing.tooSoon(jwt) && ctx.opts.strictPacing) {
    return reply.error(429, 'REST requests must be at least 100 ms apart (strictPacing)');
  }
  if (route.kind === 'subscriptions') return subscriptionsRoute(ctx, req, token, route, reply);
  if (req.method !== 'GET') return reply.error(405, `${url.pathname} takes GET`);
  if (route.kind === 'sources') return sourcesRoute(ctx, reply);
  if (route.kind === 'producers') return producersRoute(ctx, route.sourceId, url.searchParams, reply);
  if (route.kind === 'dictionary') return dictionaryRoute(ctx, route.sourceId, route.producerId, url.searchParams, reply);
  return dimensionDataRoute(ctx, route, reply);
}
