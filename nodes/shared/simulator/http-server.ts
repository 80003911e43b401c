import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebSocketServer } from 'ws';

/** Starts an HTTP(+WebSocket) simulator listening; resolves with the port it got (port 0 = any free one). */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops it: no new upgrades, every HTTP connection dropped (keep-alive ones too), resolved once closed. */
export async function closeServer(server: Server | undefined, wss: WebSocketServer | undefined): Promise<void> {
  wss?.close();
  if (!server) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A simulator's WebSocket session as the closing code sees it. */
export interface ClosingSession<C> {
  close(how: C): void;
  terminate(): void;
  readonly closed: Promise<void>;
}

/** Closes every session, giving peers graceMs to answer the close handshake before their connections are dropped. */
export async function closeSessions<C>(sessions: () => ClosingSession<C>[], how: C, graceMs: number): Promise<void> {
  const closing = sessions();
  for (const session of closing) session.close(how);
  let grace: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (grace = setTimeout(resolve, graceMs)));
  await Promise.race([Promise.all(closing.map((s) => s.closed)), timeout]);
  clearTimeout(grace);
  for (const session of sessions()) session.terminate();
  await Promise.all(closing.map((s) => s.closed));
}
