/** Connections the simulator holds unanswered (the hang fault), until their client gives up or the simulator stops. */
import type { Duplex } from 'node:stream';

export class HeldConnections {
  private readonly held = new Set<Duplex>();

  hold(socket: Duplex): void {
    this.held.add(socket);
    socket.on('error', () => undefined);
    // An upgrade's socket is half-open capable (the HTTP server's setting): a client that ended its side has gone.
    socket.once('end', () => socket.destroy());
    socket.once('close', () => this.held.delete(socket));
  }

  /** How many are still open: a client that gave up has closed its end, and so the connection. */
  get count(): number {
    return this.held.size;
  }

  releaseAll(): void {
    for (const socket of this.held) socket.destroy();
    this.held.clear();
  }
}
