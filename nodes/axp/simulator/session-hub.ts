/** The open sessions and which one streams each subscription: one socket per subscription, a newer one supersedes (§9.2 rule 7). */
import { closeSessions } from '../../shared/simulator/http-server';
import { CLOSE, CloseCode } from './close-codes';
import type { WsSession } from './session';
import { SubscriptionRecord } from './subscriptions';

export class SessionHub {
  private readonly open = new Set<WsSession>();
  private readonly bySubscription = new Map<string, WsSession>();

  add(session: WsSession): void {
    this.open.add(session);
  }

  remove(session: WsSession): void {
    this.open.delete(session);
    this.unbind(session);
  }

  bind(session: WsSession, record: SubscriptionRecord): void {
    this.unbind(session);
    const previous = this.bySubscription.get(record.subscriptionId);
    this.bySubscription.set(record.subscriptionId, session);
    if (previous && previous !== session) previous.close(CLOSE.superseded);
  }

  unbind(session: WsSession): void {
    for (const [id, bound] of this.bySubscription) if (bound === session) this.bySubscription.delete(id);
  }

  closeBound(subscriptionId: string, how: CloseCode): void {
    this.bySubscription.get(subscriptionId)?.close(how);
  }

  /** Sessions that receive notifications: authenticated, bound, and their subscription ACTIVE. */
  streaming(): { session: WsSession; record: SubscriptionRecord }[] {
    const result: { session: WsSession; record: SubscriptionRecord }[] = [];
    for (const session of this.bySubscription.values()) {
      const record = session.subscription;
      if (session.authenticated && record && record.status === 'ACTIVE' && !record.deleted) result.push({ session, record });
    }
    return result;
  }

  sessions(): WsSession[] {
    return [...this.open];
  }

  /** Closes every session, giving peers graceMs to answer the close handshake before their connections are dropped. */
  closeAll(how: CloseCode, graceMs: number): Promise<void> {
    return closeSessions(() => this.sessions(), how, graceMs);
  }

}
