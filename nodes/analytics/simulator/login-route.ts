/** GET /users/login (and /user/login): supervisor credentials in the query string, the JWT back in `authdata` (§3.1). */
import { SimContext } from './context';
import { Reply } from './http-io';

export function loginRoute(ctx: SimContext, method: string, query: URLSearchParams, reply: Reply): void {
  if (method !== 'GET') return reply.error(405, 'login takes GET with tenant, username and password in the query string');
  const username = query.get('username');
  const password = query.get('password');
  if (!username || !password) return reply.error(400, 'username and password query parameters are required');
  const user = ctx.opts.users.find((u) => u.username === username && u.password === password);
  if (!user) return reply.error(401, 'invalid username or password');
  reply.json(200, { authdata: ctx.tokens.issue(user.username, user.supervisor) });
}
