import { checkEncrypted } from './encrypted-links';

/** What one AXP account needs to reach the Notification API (the cc-axp-account node's settings and credentials). */
export interface AxpAccountSettings {
  /** The CCaaS host, `https://` assumed when no scheme is given (`http://` only on a loopback address or when allowed). */
  apiHost: string;
  accountId: string;
  clientId: string;
  clientSecret: string;
  appKey?: string;
  /** Overrides `<apiHost>/api/auth/v1/<accountId>/protocol/openid-connect/token`. */
  tokenUrl?: string;
  rejectUnauthorized: boolean;
  /** http:// and ws:// to another machine, which expose the client secret and the bearer token, are refused unless this is set. */
  allowUnencrypted: boolean;
}

export class AxpSettingsError extends Error {}

/** The API base URL without a trailing slash; refuses what cannot be a host. */
export function apiBase(apiHost: string): string {
  const raw = apiHost.trim();
  if (!raw) throw new AxpSettingsError('no API host set');
  const withScheme = /^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new AxpSettingsError(`API host "${raw}" is not a host name or URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AxpSettingsError(`API host must be https:// (or http:// for a local simulator), not ${url.protocol}//`);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

export function tokenUrlOf(settings: AxpAccountSettings): string {
  if (settings.tokenUrl && settings.tokenUrl.trim()) return settings.tokenUrl.trim();
  return `${apiBase(settings.apiHost)}/api/auth/v1/${encodeURIComponent(settings.accountId)}/protocol/openid-connect/token`;
}

/** Settings that cannot work, or that would send a secret unencrypted to another machine, throw before anything is sent. */
export function checkAccount(settings: AxpAccountSettings): void {
  const ownTokenUrl = Boolean(settings.tokenUrl && settings.tokenUrl.trim());
  checkEncrypted(apiBase(settings.apiHost), 'the API host', ownTokenUrl ? 'the bearer token' : 'the client secret and the bearer token', settings.allowUnencrypted);
  checkEncrypted(tokenUrlOf(settings), 'the token URL', 'the client secret', settings.allowUnencrypted);
  if (!/^[A-Za-z0-9_-]+$/.test(settings.accountId)) throw new AxpSettingsError(settings.accountId ? `account id "${settings.accountId}" may only hold letters, digits, '_' and '-'` : 'no account id set');
  if (!settings.clientId) throw new AxpSettingsError('no client id set');
  if (!settings.clientSecret) throw new AxpSettingsError('no client secret set');
}
