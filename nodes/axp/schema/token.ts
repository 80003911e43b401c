/**
 * The A&A token response (digest §2.2, SUPP): `{ access_token, expires_in, refresh_token? }`.
 * The token itself never appears in an error message.
 */
import { clip, describeValue, isPlainObject, jsonType } from '../../shared/describe';

export type AxpToken = {
  accessToken: string;
  /** Lifetime in seconds from when the response arrived. */
  expiresInS: number;
};

/**
 * Used when `expires_in` is absent: the lifetime every published example shows. A token older
 * than that is refreshed; a longer real lifetime only costs an early refresh.
 */
export const DEFAULT_TOKEN_LIFETIME_S = 900;

const NUMERIC_RE = /^\s*\d+(?:\.\d+)?\s*$/;

export function parseTokenResponse(json: unknown): AxpToken {
  let root = json;
  if (typeof root === 'string') {
    try {
      root = JSON.parse(root);
    } catch {
      throw new Error('Token response is not JSON');
    }
  }
  if (!isPlainObject(root)) throw new Error(`Token response is not a JSON object (got ${jsonType(root)})`);

  const accessToken = root.access_token;
  if (typeof accessToken !== 'string' || accessToken.trim() === '') {
    const got = accessToken === undefined ? 'has no access_token' : `has an unusable access_token (${typeof accessToken === 'string' ? 'empty' : jsonType(accessToken)})`;
    const oauthError = typeof root.error === 'string' ? ` (error "${clip(root.error)}")` : '';
    throw new Error(`Token response ${got}${oauthError}`);
  }
  return { accessToken, expiresInS: lifetime(root.expires_in) };
}

function lifetime(value: unknown): number {
  if (value === undefined || value === null) return DEFAULT_TOKEN_LIFETIME_S;
  const seconds = typeof value === 'number' ? value : typeof value === 'string' && NUMERIC_RE.test(value) ? Number(value) : NaN;
  if (Number.isFinite(seconds) && seconds > 0) return seconds;
  throw new Error(`Token response field expires_in must be a positive number of seconds (got ${describeValue(value)})`);
}
