import net from 'net';
import tls from 'tls';
import { connect, type Client } from 'stompit';

export interface StompEndpoint {
  host: string;
  port: number;
  /** TLS towards the broker; verification stays on unless rejectUnauthorized is false. */
  tls?: false | tls.ConnectionOptions;
  login?: string;
  passcode?: string;
  /** STOMP virtual host (the CONNECT frame's host header). */
  vhost?: string;
  /** Heart-beat both ways, ms; 0 = none. */
  heartbeatMs?: number;
}

/**
 * Opens one STOMP 1.2 connection through stompit with Nagle's algorithm off.
 *
 * stompit writes each frame as three socket writes (headers, body, terminator), each after the
 * previous one's callback, and disables Nagle only when heart-beating is negotiated. With Nagle on,
 * the body waits for the broker's delayed ACK of the headers (about 40 ms on ActiveMQ), so a
 * command/reply exchange like the Generic Connector's crawls at ~25 round trips a second and looks
 * stalled. Every socket we hand stompit therefore has setNoDelay(true).
 */
export function connectStomp(endpoint: StompEndpoint): Promise<Client> {
  const heartbeat = endpoint.heartbeatMs ?? 0;
  // SNI carries host names only (RFC 6066); an address is verified against the certificate's IP entries.
  const servername = net.isIP(endpoint.host) ? undefined : endpoint.host;
  const secure = endpoint.tls ? { rejectUnauthorized: true, servername, ...endpoint.tls } : undefined;
  const openSocket = (options: object, listener?: () => void): net.Socket => {
    // stompit ignores its own ssl option once we supply connect, so TLS is chosen here.
    const socket = secure
      ? tls.connect({ ...(options as tls.ConnectionOptions), ...secure }, listener)
      : net.connect(options as net.NetConnectOpts, listener);
    socket.setNoDelay(true);
    return socket;
  };
  const headers: Record<string, string> = { 'accept-version': '1.2', host: endpoint.vhost || '/', 'heart-beat': `${heartbeat},${heartbeat}` };
  if (endpoint.login) headers.login = endpoint.login;
  if (endpoint.passcode) headers.passcode = endpoint.passcode;
  return new Promise((resolve, reject) => {
    connect({ host: endpoint.host, port: endpoint.port, connect: openSocket as never, connectHeaders: headers }, (err, client) => {
      if (err) reject(err);
      else resolve(client);
    });
  });
}
