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
 *
 * `signal` ends an attempt still under way (a session stopping while a frozen broker has accepted the TCP
 * connection but never answers CONNECT): its socket is destroyed at once and the promise rejects.
 */
export function connectStomp(endpoint: StompEndpoint, signal?: AbortSignal): Promise<Client> {
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
    if (signal?.aborted) return reject(new Error('the connection attempt was abandoned'));
    const abandon = () => {
      client.on('error', () => undefined);
      (client as unknown as { destroy(): void }).destroy();
      reject(new Error('the connection attempt was abandoned'));
    };
    const client = connect({ host: endpoint.host, port: endpoint.port, connect: openSocket as never, connectHeaders: headers }, (err, connected) => {
      signal?.removeEventListener('abort', abandon);
      if (err) reject(err);
      else resolve(connected);
    });
    signal?.addEventListener('abort', abandon, { once: true });
  });
}
