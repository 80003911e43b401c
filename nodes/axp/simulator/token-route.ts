/**
 * The A&A token endpoint (digest §2.2, §9.1): form-encoded client_credentials, the client's secret and, when the client
 * has one, its appkey header. Client credentials may also come as HTTP Basic auth, as OpenID Connect allows.
 */
import { IncomingMessage } from 'node:http';
import { SimContext } from './context';
import { readBody, Reply, VIOLATION, Violation } from './http-io';
import { AxpSimClient } from './options';

export async function tokenRoute(ctx: SimContext, req: IncomingMessage, reply: Reply, accountId: string): Promise<void> {
  if (req.method !== 'POST') return reply.problem(405, 'the token endpoint takes POST');
  if (accountId !== ctx.opts.accountId) return reply.problem(404, `no account (realm) ${accountId}`);
  const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (contentType !== 'application/x-www-form-urlencoded') return reply.problem(415, 'the token request must be application/x-www-form-urlencoded');
  const form = new URLSearchParams(await readBody(req));
  const basic = basicCredentials(req.headers.authorization);
  const clientId = form.get('client_id') ?? basic?.clientId;
  const clientSecret = form.get('client_secret') ?? basic?.clientSecret;
  const violations: Violation[] = [];
  const grantType = form.get('grant_type');
  if (grantType === null) violations.push({ field: 'grant_type', message: 'must not be null', code: VIOLATION.NOT_NULL });
  else if (grantType !== 'client_credentials') violations.push({ field: 'grant_type', message: 'only client_credentials is simulated', code: VIOLATION.NOT_SIMULATED });
  if (!clientId) violations.push({ field: 'client_id', message: 'must not be null', code: VIOLATION.NOT_NULL });
  if (!clientSecret) violations.push({ field: 'client_secret', message: 'must not be null', code: VIOLATION.NOT_NULL });
  if (violations.length > 0) return reply.problem(400, 'invalid token request', violations);
  const client = ctx.opts.clients.find((c) => c.clientId === clientId);
  if (!client || client.clientSecret !== clientSecret) return reply.problem(401, 'invalid client credentials');
  if (!appKeyMatches(client, req)) return reply.problem(401, 'missing or wrong appkey header');
  const token = ctx.tokens.issue(accountId, client, `${ctx.origin()}/auth/realms/${accountId}`);
  reply.json(200, { access_token: token, expires_in: ctx.opts.tokenLifetimeS, token_type: 'Bearer' });
}

export function appKeyMatches(client: AxpSimClient, req: IncomingMessage): boolean {
  return client.appKey === undefined || req.headers.appkey === client.appKey;
}

function basicCredentials(header: string | undefined): { clientId: string; clientSecret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    return { clientId: decodeURIComponent(decoded.slice(0, colon)), clientSecret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}
