import { checkPlainLink } from './plain-link';

/** What one Avaya Analytics server needs (the cc-analytics-server node's settings and credentials). */
export interface AnalyticsServerSettings {
  /** The REST base, e.g. https://analytics.example.com/orca-streams-rest (https:// assumed without a scheme). */
  baseUrl: string;
  tenant: string;
  username: string;
  password: string;
  rejectUnauthorized: boolean;
  /**
   * http:// and ws:// to another machine are refused unless this is true: the login carries the password in its
   * query string (the only form the vendor document gives) and every call carries the bearer token.
   */
  allowUnencrypted?: boolean;
}

export class AnalyticsSettingsError extends Error {}

/** What an unencrypted REST link would expose. */
export const REST_EXPOSES = 'the supervisor password (the login sends it in the query string) and the bearer token';
/** What an unencrypted WebSocket link would expose. */
export const SOCKET_EXPOSES = 'the bearer token (the subscription redirect carries it)';

export function restBase(baseUrl: string): string {
  const raw = baseUrl.trim();
  if (!raw) throw new AnalyticsSettingsError('no base URL set');
  const withScheme = /^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new AnalyticsSettingsError(`base URL "${raw}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AnalyticsSettingsError(`base URL must be https:// (or http:// for a local simulator), not ${url.protocol}//`);
  const path = url.pathname.replace(/\/+$/, '') || '/orca-streams-rest';
  return `${url.protocol}//${url.host}${path}`;
}

/** The REST base, refused when it is unencrypted to another machine and that was not allowed. */
export function checkedRestBase(settings: AnalyticsServerSettings): string {
  const base = restBase(settings.baseUrl);
  checkPlainLink(new URL(base), settings.allowUnencrypted, 'base URL', REST_EXPOSES);
  return base;
}

export function checkServer(settings: AnalyticsServerSettings): void {
  checkedRestBase(settings);
  if (!settings.username) throw new AnalyticsSettingsError('no username set');
  if (!settings.password) throw new AnalyticsSettingsError('no password set');
}
