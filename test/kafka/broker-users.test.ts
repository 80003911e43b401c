import assert from 'assert/strict';
import { KafkaBrokerUsers } from '../../nodes/kafka/kafka-broker-node';
import type { NodeRedNode } from '../../nodes/shared/node/node-red';

function fakeUser(id: string): NodeRedNode & { statuses: unknown[]; errors: unknown[] } {
  const statuses: unknown[] = [];
  const errors: unknown[] = [];
  return {
    id, type: 'cc-genesys-agentstate', statuses, errors,
    status: (s: unknown) => statuses.push(s), error: (e: unknown) => errors.push(e),
    warn() {}, log() {}, debug() {}, send() {}, on() {},
  } as unknown as NodeRedNode & { statuses: unknown[]; errors: unknown[] };
}

const owner = fakeUser('broker');
const options = { topics: ['voice-agentstate'], groupId: 'g', fromBeginning: false, onRecord: () => true };

describe('KafkaBrokerUsers', () => {
  it('shares one client between its users and drops it with the last one', async () => {
    const users = new KafkaBrokerUsers(owner, { brokers: '127.0.0.1:1' });
    assert.equal(users.client, undefined, 'no client before the first user');
    const a = users.acquire(fakeUser('a'), options);
    const client = users.client;
    const b = users.acquire(fakeUser('b'), options);
    assert.ok(a && b && a.source !== b.source, 'each user gets its own consumer');
    assert.equal(users.client, client, 'the second user shares the first one\'s client');
    assert.equal(users.userCount, 2);
    await users.release(fakeUser('a'));
    assert.equal(users.client, client, 'still in use by b');
    await users.release(fakeUser('b'));
    assert.equal(users.userCount, 0);
    assert.equal(users.client, undefined, 'dropped with the last user');
    assert.equal(a!.source.state, 'stopped');
  });

  it('tells each user why settings cannot work, and builds no client', () => {
    const users = new KafkaBrokerUsers(owner, { brokers: '' });
    const user = fakeUser('a');
    assert.equal(users.acquire(user, options), undefined);
    assert.match(String(user.errors[0]), /Brokers is empty/);
    assert.deepEqual(user.statuses, [{ fill: 'red', shape: 'dot', text: 'error: Brokers is empty: give at least one host:port, e.g. …' }]);
    assert.equal(users.client, undefined);
  });

  it('shows certificate verification turned off on every user, yellow, and logs it once', async () => {
    const warnings: string[] = [];
    const broker = { ...fakeUser('broker'), warn: (w: unknown) => warnings.push(String(w)) } as unknown as NodeRedNode;
    const users = new KafkaBrokerUsers(broker, { brokers: '127.0.0.1:1', tls: { enabled: true, rejectUnauthorized: false } });
    const a = fakeUser('a');
    const b = fakeUser('b');
    const leaseA = users.acquire(a, options)!.lease;
    const leaseB = users.acquire(b, options)!.lease;
    leaseA.status({ fill: 'green', shape: 'dot', text: 'connected · 4 partitions' });
    leaseB.status({ fill: 'green', shape: 'dot', text: 'connected · 0 partitions' });
    assert.deepEqual(a.statuses.at(-1), { fill: 'yellow', shape: 'dot', text: 'certificate NOT verified · connected · 4 partitions' });
    assert.deepEqual(b.statuses.at(-1), { fill: 'yellow', shape: 'dot', text: 'certificate NOT verified · connected · 0 partitions' });
    assert.equal(warnings.filter((w) => /certificate NOT verified/.test(w)).length, 1);
    await users.releaseAll();
  });

  it('shows nothing of the kind while verification is on', async () => {
    const users = new KafkaBrokerUsers(owner, { brokers: '127.0.0.1:1', tls: { enabled: true } });
    const a = fakeUser('a');
    users.acquire(a, options)!.lease.status({ fill: 'green', shape: 'dot', text: 'connected' });
    assert.deepEqual(a.statuses.at(-1), { fill: 'green', shape: 'dot', text: 'connected' });
    await users.releaseAll();
  });
});
