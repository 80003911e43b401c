/**
 * The Notification API's subscriptions and their expiry watchdog (digest §9.1, §9.2 rule 5): a subscription not
 * renewed by expiresAt turns INACTIVE, and the owner is told so it can close the bound socket.
 */
import { Timers } from '../../shared/simulator/timers';

export type SubscriptionStatus = 'ACTIVE' | 'INACTIVE';

export interface SubscriptionRecord {
  subscriptionId: string;
  accountId: string;
  family: string;
  events: string[];
  /** Epoch ms. */
  createdAt: number;
  expiresAt: number;
  status: SubscriptionStatus;
  deleted: boolean;
}

export class SubscriptionStore {
  private readonly records = new Map<string, SubscriptionRecord>();
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly now: () => number,
    private readonly timers: Timers,
    private readonly lifetimeS: number,
    private readonly onExpired: (record: SubscriptionRecord) => void,
  ) {}

  create(subscriptionId: string, accountId: string, family: string, events: string[]): SubscriptionRecord {
    const createdAt = this.now();
    const record: SubscriptionRecord = {
      subscriptionId, accountId, family, events: [...events], createdAt, expiresAt: createdAt + this.lifetimeS * 1000, status: 'ACTIVE', deleted: false,
    };
    this.records.set(subscriptionId, record);
    this.watch(record);
    return record;
  }

  /** A live (not deleted) subscription, its status brought up to date first: an injected clock may have passed expiresAt. */
  find(subscriptionId: string): SubscriptionRecord | undefined {
    const record = this.records.get(subscriptionId);
    if (!record || record.deleted) return undefined;
    if (record.status === 'ACTIVE' && this.now() >= record.expiresAt) this.expire(record);
    return record;
  }

  /** Live subscriptions of an account, oldest first. */
  ofAccount(accountId: string): SubscriptionRecord[] {
    return [...this.records.values()].filter((r) => r.accountId === accountId).map((r) => this.find(r.subscriptionId)).filter((r) => r !== undefined);
  }

  /** Every subscription ever created, deleted ones included (introspection). */
  all(): SubscriptionRecord[] {
    for (const id of this.records.keys()) this.find(id);
    return [...this.records.values()];
  }

  /** A new full lifetime from now; an INACTIVE subscription becomes ACTIVE again (SUPP). */
  renew(record: SubscriptionRecord): void {
    record.expiresAt = this.now() + this.lifetimeS * 1000;
    record.status = 'ACTIVE';
    this.watch(record);
  }

  deactivate(record: SubscriptionRecord): void {
    record.status = 'INACTIVE';
    this.unwatch(record);
  }

  /** Expires now, whatever expiresAt says (also the fault injection's way in). */
  expire(record: SubscriptionRecord): void {
    if (record.deleted) return;
    record.expiresAt = Math.min(record.expiresAt, this.now());
    this.deactivate(record);
    this.onExpired(record);
  }

  remove(record: SubscriptionRecord): void {
    record.deleted = true;
    this.deactivate(record);
  }

  clear(): void {
    for (const timer of this.expiryTimers.values()) this.timers.cancel(timer);
    this.expiryTimers.clear();
    this.records.clear();
  }

  private watch(record: SubscriptionRecord): void {
    this.unwatch(record);
    const timer = this.timers.after(record.expiresAt - this.now(), () => {
      this.expiryTimers.delete(record.subscriptionId);
      if (record.status === 'ACTIVE' && !record.deleted) this.expire(record);
    });
    this.expiryTimers.set(record.subscriptionId, timer);
  }

  private unwatch(record: SubscriptionRecord): void {
    this.timers.cancel(this.expiryTimers.get(record.subscriptionId));
    this.expiryTimers.delete(record.subscriptionId);
  }
}
