import { mayCarrySecrets, UnencryptedLinkError } from '../../shared/http/unencrypted-links';

/** The URL without its query or credentials: what a message may show of it. */
export function shownUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/**
 * Refuses an unencrypted URL to another machine unless `allowUnencrypted`. `exposes` names what would travel in
 * clear, e.g. "the supervisor password and the bearer token".
 */
export function checkPlainLink(url: URL, allowUnencrypted: boolean | undefined, what: string, exposes: string): void {
  if (mayCarrySecrets(url, allowUnencrypted)) return;
  // The facts first: a status shows about the first 60 characters.
  throw new UnencryptedLinkError(
    `${what} refused, not encrypted: ${shownUrl(url)} would carry ${exposes} in clear to ${url.hostname}. ` +
    'Use an https:// base URL (wss:// for the data publisher), or tick "Allow unencrypted connections to another ' +
    'machine" on the server node for a network you trust');
}
