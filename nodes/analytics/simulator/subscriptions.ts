/**
 * REST subscriptions (digest §4.5, §4.6, §14.1.7-8): one per (user, producer), a new POST replaces the old one with a
 * fresh guid, and the capacity limits of §6.2 are enforced when one is created.
 */
import { ProducerDef } from './producers';

export interface SubscriptionRecord {
  guid: string;
  username: string;
  producer: ProducerDef;
  endpoint: string;
  /** Until DELETE or a replacing POST. */
  live: boolean;
  /** A socket streams it (an accepted subscriptionRedirect, no unsubscriptionRedirect or close since). */
  redirected: boolean;
}

export type CreateOutcome = { record: SubscriptionRecord; replaced?: SubscriptionRecord } | { limit: string };

export class SubscriptionStore {
  private readonly records: SubscriptionRecord[] = [];

  constructor(private readonly maxSupervisors: number, private readonly maxSubscriptions: number, private readonly newGuid: () => string) {}

  create(username: string, producer: ProducerDef, endpointFor: (guid: string) => string): CreateOutcome {
    const live = this.records.filter((r) => r.live);
    const replaced = live.find((r) => r.username === username && r.producer.producerId === producer.producerId);
    const others = new Set(live.filter((r) => r.username !== username).map((r) => r.username));
    const mine = live.filter((r) => r.username === username && r !== replaced).length;
    if (mine === 0 && others.size >= this.maxSupervisors) {
      return { limit: `the limit of ${this.maxSupervisors} concurrent supervisors (maxSupervisors) is reached` };
    }
    if (mine >= this.maxSubscriptions) {
      return { limit: `the limit of ${this.maxSubscriptions} subscriptions per user (maxSubscriptions) is reached` };
    }
    if (replaced) replaced.live = false;
    const guid = this.newGuid();
    const record: SubscriptionRecord = { guid, username, producer, endpoint: endpointFor(guid), live: true, redirected: false };
    this.records.push(record);
    return replaced ? { record, replaced } : { record };
  }

  /** Ends the user's live subscription to the producer; undefined when there is none. */
  remove(username: string, producerId: string): SubscriptionRecord | undefined {
    const record = this.records.find((r) => r.live && r.username === username && r.producer.producerId === producerId);
    if (record) record.live = false;
    return record;
  }

  byGuid(guid: string): SubscriptionRecord | undefined {
    return this.records.find((r) => r.guid === guid);
  }

  all(): SubscriptionRecord[] {
    return [...this.records];
  }
}
