import net from 'net';
import tls from 'tls';
import type { TestPki } from './certificates';
import { STOMP } from './finesse';

/** A TLS endpoint in front of the test ActiveMQ's plain STOMP port, with a certificate from a private CA. */
export function tlsProxy(pki: TestPki): Promise<tls.Server> {
  const server = tls.createServer({ cert: pki.serverCert, key: pki.serverKey }, (socket) => {
    const upstream = net.connect(STOMP.port, STOMP.host);
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
