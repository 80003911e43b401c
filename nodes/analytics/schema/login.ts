/**
 * The login response (digest §3.1, §3.3): `{"authdata":"<JWT>"}`; any other member is unknown and
 * ignored. The JWT's payload is read for `exp` and `sub` when it decodes, and never verified: the
 * document names no key to verify it with. No error message ever quotes the body or the token.
 */
import { isPlainObject, jsonType } from '../../shared/describe';
import { parsedObject } from './rest-json';

export interface AnalyticsLogin {
  token: string;
  /** Epoch ms from the JWT's `exp`, when the token decodes and carries one. */
  expiresAt?: number;
  /** The JWT's `sub`: the login username. */
  username?: string;
}

const WHAT = 'Login response';

export function parseLogin(text: string): AnalyticsLogin {
  const root = parsedObject(text, WHAT);
  const token = root.authdata;
  if (typeof token !== 'string' || token.trim() === '') {
    const got = token === undefined ? `has no authdata (members: ${Object.keys(root).slice(0, 5).join(', ') || 'none'})`
      : `has an unusable authdata (${typeof token === 'string' ? 'empty' : jsonType(token)})`;
    throw new Error(`${WHAT} ${got}; expected {"authdata": "<JWT>"}`);
  }
  const login: AnalyticsLogin = { token: token.trim() };
  const claims = jwtClaims(login.token);
  const exp = claims?.exp;
  const seconds = typeof exp === 'number' ? exp : typeof exp === 'string' && /^\d+$/.test(exp) ? Number(exp) : NaN;
  if (Number.isFinite(seconds) && seconds > 0) login.expiresAt = seconds * 1000;
  if (typeof claims?.sub === 'string' && claims.sub !== '') login.username = claims.sub;
  return login;
}

/** The payload of a compact JWS, or undefined when the token is not one (an opaque token is still usable). */
function jwtClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !/^[A-Za-z0-9_-]+={0,2}$/.test(parts[1])) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return isPlainObject(payload) ? payload : undefined;
  } catch {
    return undefined;
  }
}
