import { BlockList, isIP } from 'node:net';

/**
 * Which links may carry a secret (a password, a client secret, a bearer token) unencrypted: none to another
 * machine, unless a person said so on the config node. The decision reads the URL's host as written and looks
 * nothing up, so a refused link costs no DNS query either (a lookup already tells a resolver where we are about to
 * connect, and its answer could change between the check and the connection).
 */

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** A link that would carry a secret in clear to another machine: a setting a person must change, not a fault to retry soon. */
export class UnencryptedLinkError extends Error {
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

/** Whether a secret may travel over `url`: encrypted, to this machine, or allowed by a person. */
export function mayCarrySecrets(url: URL, allowUnencrypted: boolean | undefined): boolean {
  return !isUnencrypted(url) || isLoopbackHost(url.hostname) || allowUnencrypted === true;
}
