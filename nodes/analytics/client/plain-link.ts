import { BlockList, isIP } from 'node:net';

/**
 * Which links may carry the supervisor's password and token unencrypted: none to another machine, unless a person
 * said so on the server node. The decision reads the URL's host as written and looks nothing up, so a refused link
 * costs no DNS query either (a lookup already tells a resolver where we are about to connect, and its answer could
 * change between the check and the connection).
 */

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** The password or token would cross the network in clear: a person must switch to TLS or allow it explicitly. */
export class PlainLinkError extends Error {
  readonly code = 'unencrypted';
}

/** 127.0.0.0/8, ::1 (IPv4-mapped loopback included) or the name localhost; the URL parser has already normalised IPv4 spellings. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();
  if (host === 'localhost') return true;
  const family = isIP(host);
  if (family === 0) return false;
  return LOOPBACK.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

export function isUnencrypted(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'ws:';
}

/** The URL without its query or credentials: what a message may show of it. */
export function shownUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/**
 * Refuses an unencrypted URL to another machine unless `allowUnencrypted`. `exposes` names what would travel in
 * clear, e.g. "the supervisor password and the bearer token".
 */
export function checkPlainLink(url: URL, allowUnencrypted: boolean | undefined, what: string, exposes: string): void {
  if (!isUnencrypted(url) || isLoopbackHost(url.hostname) || allowUnencrypted === true) return;
  // The facts first: a status shows about the first 60 characters.
  throw new PlainLinkError(
    `${what} refused, not encrypted: ${shownUrl(url)} would carry ${exposes} in clear to ${url.hostname}. ` +
    'Use an https:// base URL (wss:// for the data publisher), or tick "Allow unencrypted connections to another ' +
    'machine" on the server node for a network you trust');
}
