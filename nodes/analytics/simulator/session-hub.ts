/** The open publisher sessions; a guid streams on at most one of them (a newer redirect moves it). */
import { closeSessions } from '../../shared/simulator/http-server';
import { CloseCode } from './close-codes';
import type { PublisherSession } from './session';

export class SessionHub {
  private readonly open = new Set<PublisherSession>();

  add(session: PublisherSession): void {
    this.open.add(session);
  }

  remove(session: PublisherSession): void {
    this.open.delete(session);
  }

  sessions(): PublisherSession[] {
    return [...this.open];
  }

  /** Stops the guid's stream wherever it runs. */
  stopStream(guid: string): void {
    for (const session of this.open) session.stopStream(guid);
  }

  /** Closes every session, giving peers graceMs to answer the close handshake before their connections are dropped. */
  closeAll(how: CloseCode, graceMs: number): Promise<void> {
    return closeSessions(() => this.sessions(), how, graceMs);
  }

}
