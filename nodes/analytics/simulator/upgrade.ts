/** WebSocket upgrades: the data publisher's path only, 503 during a failover, and the optional handshake Bearer check. */
import { IncomingMessage } from 'node:http';
import { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer } from 'ws';
import { SimContext } from './context';
import { isWsPath } from './paths';

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export function acceptUpgrade(ctx: SimContext, wss: WebSocketServer, req: IncomingMessage, socket: Duplex, head: Buffer, accepted: (ws: WebSocket) => void): void {
  // A peer resetting mid-handshake must not take the process down.
  socket.on('error', () => undefined);
  if (!isWsPath(new URL(req.url ?? '/', 'http://simulator').pathname)) return refuse(socket, '404 Not Found');
  if (ctx.faults.refusing) return refuse(socket, '503 Service Unavailable');
  if (ctx.faults.hangs('handshake')) {
    ctx.faults.hold(socket);
    ctx.notify('hung', { point: 'handshake' });
    return;
  }
  const header = req.headers.authorization;
  if (ctx.opts.requireHandshakeAuth && !(header && /^Bearer\s/i.test(header) && ctx.tokens.check(header))) return refuse(socket, '401 Unauthorized');
  wss.handleUpgrade(req, socket, head, accepted);
}
