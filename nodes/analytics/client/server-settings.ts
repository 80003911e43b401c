/** What one Avaya Analytics server needs (the cc-analytics-server node's settings and credentials). */
export interface AnalyticsServerSettings {
  /** The REST base, e.g. https://analytics.example.com/orca-streams-rest (https:// assumed without a scheme). */
  baseUrl: string;
  tenant: string;
  username: string;
  password: string;
  rejectUnauthorized: boolean;
}

export class AnalyticsSettingsError extends Error {}

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

export function checkServer(settings: AnalyticsServerSettings): void {
  restBase(settings.baseUrl);
  if (!settings.username) throw new AnalyticsSettingsError('no username set');
  if (!settings.password) throw new AnalyticsSettingsError('no password set');
}
