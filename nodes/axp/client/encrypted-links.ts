import { mayCarrySecrets, UnencryptedLinkError } from '../../shared/http/unencrypted-links';

/**
 * No secret crosses the network unencrypted: the token request carries the client secret, every REST call and the
 * socket's first frame the bearer token. Plain http:// and ws:// are therefore refused unless they stay on this
 * machine (a loopback address: the simulator) or a person ticked "allow unencrypted" on the account.
 *
 * The check reads the URL only, never the DNS: a refused link must not even be looked up, since a lookup already
 * tells the network which host is about to be reached.
 */

/**
 * Throws UnencryptedLinkError when `url` is http:// or ws:// to a host that is not a loopback address and
 * unencrypted links are not allowed. `what` names the link ("the token URL") and `exposes` what would be readable
 * on the way ("the client secret").
 */
export function checkEncrypted(url: string, what: string, exposes: string, allowUnencrypted: boolean): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return; // Not a URL: the caller's own parsing reports it.
  }
  if (mayCarrySecrets(parsed, allowUnencrypted)) return;
  throw new UnencryptedLinkError(
    `refused unencrypted ${parsed.protocol}// to ${parsed.host} (${what}): it would expose ${exposes} to the network; ` +
    `use ${parsed.protocol === 'ws:' ? 'wss' : 'https'}://, or tick "Allow unencrypted connections" on the AXP account if this link is trusted`,
  );
}
