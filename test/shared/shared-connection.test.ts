import assert from 'assert/strict';
import { EventEmitter } from 'events';
import { withinDeadline, DeadlineError } from '../../nodes/shared/deadline';
import type { NodeRedNode } from '../../nodes/shared/node/node-red';
import { onClose, SharedConnection } from '../../nodes/shared/node/shared-connection';
import type { NodeStatus } from '../../nodes/shared/status';

type FakeNode = NodeRedNode & { statuses: NodeStatus[]; errors: string[]; warnings: string[]; closeHandler?: (removed: boolean, done: () => void) => void };

function fakeNode(id: string): FakeNode {
  const node: FakeNode = {
    id, type: 'cc-test', statuses: [], errors: [], warnings: [],
    status: (s: NodeStatus) => node.statuses.push(s), error: (e: unknown) => node.errors.push(String(e)),
    warn: (w: unknown) => node.warnings.push(String(w)), log() {}, debug() {}, send() {},
    on: ((event: string, listener: (removed: boolean, done: () => void) => void) => { if (event === 'close') node.closeHandler = listener; }) as NodeRedNode['on'],
  };
  return node;
}

class Client extends EventEmitter {
  closed = 0;
}

function connection(options: { open?: () => Client; close?: (c: Client) => Promise<void> | void; caveat?: string; deadline?: number } = {}) {
  const owner = fakeNode('config');
  let opened = 0;
  const shared = new SharedConnection<Client>(owner, {
    kind: 'Test server',
    open: options.open ?? (() => { opened++; return new Client(); }),
    close: options.close ?? ((c) => { c.closed++; }),
    caveat: options.caveat,
    closeDeadlineMs: options.deadline ?? 200,
  });
  return { owner, shared, opened: () => opened };
}

describe('SharedConnection', () => {
  it('opens the client for the first user, shares it, and closes it with the last', async () => {
    const { shared, opened } = connection();
    const a = shared.acquire(fakeNode('a'))!;
    const b = shared.acquire(fakeNode('b'))!;
    assert.equal(opened(), 1);
    assert.equal(a.client, b.client);
    assert.equal(shared.userCount, 2);
    await a.release();
    assert.equal(a.client.closed, 0, 'b still uses it');
    await b.release();
    assert.equal(b.client.closed, 1);
    assert.equal(shared.client, undefined);
    shared.acquire(fakeNode('c'));
    assert.equal(opened(), 2, 'a new user after the last left opens a new client');
  });

  it('counts a user that acquires twice once', async () => {
    const { shared } = connection();
    const user = fakeNode('a');
    assert.equal(shared.acquire(user), shared.acquire(user));
    assert.equal(shared.userCount, 1);
  });

  it('shows settings that cannot work on the user, red, and logs them there', () => {
    const { shared } = connection({ open: () => { throw new Error('no host set'); } });
    const user = fakeNode('a');
    assert.equal(shared.acquire(user), undefined);
    assert.deepEqual(user.statuses, [{ fill: 'red', shape: 'dot', text: 'error: no host set' }]);
    assert.match(user.errors[0], /Test server "config": no host set/);
    assert.equal(shared.userCount, 0);
  });

  it('removes the listeners a user added when it leaves, and those of the client when it closes', async () => {
    const { shared } = connection();
    const a = shared.acquire(fakeNode('a'))!;
    const b = shared.acquire(fakeNode('b'))!;
    a.listen(a.client, 'state', () => {});
    b.listen(b.client, 'state', () => {});
    shared.listen(a.client, 'warning', () => {});
    assert.equal(a.client.listenerCount('state'), 2);
    await a.release();
    assert.equal(a.client.listenerCount('state'), 1);
    assert.equal(a.client.listenerCount('warning'), 1);
    await b.release();
    assert.equal(a.client.listenerCount('state'), 0);
    assert.equal(a.client.listenerCount('warning'), 0);
  });

  it('runs a user\'s own cleanup before the client closes', async () => {
    const order: string[] = [];
    const { shared } = connection({ close: () => { order.push('client'); } });
    const a = shared.acquire(fakeNode('a'))!;
    a.onRelease(async () => { order.push('user'); });
    await a.release();
    assert.deepEqual(order, ['user', 'client']);
  });

  it('fans a status out to every user', () => {
    const { shared } = connection();
    const a = fakeNode('a');
    const b = fakeNode('b');
    shared.acquire(a);
    shared.acquire(b);
    shared.broadcast({ fill: 'red', shape: 'ring', text: 'disconnected' });
    shared.broadcast((user) => (user.id === 'a' ? { fill: 'green', shape: 'dot', text: 'only a' } : undefined));
    assert.deepEqual(a.statuses.map((s) => s.text), ['disconnected', 'only a']);
    assert.deepEqual(b.statuses.map((s) => s.text), ['disconnected']);
  });

  it('shows a caveat on every healthy status, yellow, and logs it once', () => {
    const { shared, owner } = connection({ caveat: 'certificate NOT verified' });
    const user = fakeNode('a');
    const a = shared.acquire(user)!;
    shared.acquire(fakeNode('b'));
    a.status({ fill: 'green', shape: 'dot', text: 'connected · 3 events' });
    assert.deepEqual(user.statuses.at(-1), { fill: 'yellow', shape: 'dot', text: 'certificate NOT verified · connected · 3 events' });
    a.status({ fill: 'red', shape: 'ring', text: 'disconnected' });
    assert.deepEqual(user.statuses.at(-1), { fill: 'red', shape: 'ring', text: 'disconnected' }, 'a problem is not hidden behind the caveat');
    assert.equal(owner.warnings.filter((w) => /certificate NOT verified/.test(w)).length, 1);
  });

  it('gives up on a client that never closes, within the deadline, and says so', async () => {
    const { shared, owner } = connection({ close: () => new Promise<void>(() => {}), deadline: 100 });
    const a = shared.acquire(fakeNode('a'))!;
    a.onRelease(() => new Promise<void>(() => {}));
    const started = Date.now();
    await shared.close();
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
    assert.match(owner.warnings.join('\n'), /did not finish within 0\.1 s/);
    assert.equal(shared.userCount, 0);
  });

  it('waits for a release under way before closing the client (Node-RED closes every node at once)', async () => {
    const order: string[] = [];
    const { shared } = connection({ close: () => { order.push('client closed'); } });
    const lease = shared.acquire(fakeNode('a'))!;
    let finishDelete!: () => void;
    lease.onRelease(() => new Promise<void>((resolve) => { finishDelete = () => { order.push('subscription deleted'); resolve(); }; }));
    const releasing = lease.release();
    const closing = shared.close();
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(order, [], 'the client stays open while its user still needs it');
    finishDelete();
    await Promise.all([releasing, closing]);
    assert.deepEqual(order, ['subscription deleted', 'client closed']);
  });

  it('closes the client once when two users leave together', async () => {
    const { shared } = connection();
    const a = shared.acquire(fakeNode('a'))!;
    shared.acquire(fakeNode('b'));
    await Promise.all([a.release(), shared.release(fakeNode('b'))]);
    assert.equal(a.client.closed, 1);
    assert.equal(shared.client, undefined);
  });

  it('reports a cleanup that fails and still closes the client', async () => {
    const { shared } = connection();
    const user = fakeNode('a');
    const lease = shared.acquire(user)!;
    lease.onRelease(() => { throw new Error('consumer would not stop'); });
    await lease.release();
    assert.deepEqual(user.warnings, ['consumer would not stop']);
    assert.equal(lease.client.closed, 1);
  });
});

describe('onClose and withinDeadline', () => {
  it('calls done within the deadline when the work hangs, and warns', async () => {
    const node = fakeNode('n');
    onClose(node, () => new Promise<void>(() => {}), 50);
    await new Promise<void>((resolve) => node.closeHandler!(false, resolve));
    assert.match(node.warnings[0], /closing cc-test n did not finish/);
  });

  it('calls done when the work throws at once', async () => {
    const node = fakeNode('n');
    onClose(node, () => { throw new Error('boom'); }, 50);
    await new Promise<void>((resolve) => node.closeHandler!(true, resolve));
    assert.deepEqual(node.warnings, ['boom']);
  });

  it('passes the work\'s result through when it is in time', async () => {
    assert.equal(await withinDeadline(Promise.resolve(7), 50, 'x'), 7);
    await assert.rejects(withinDeadline(new Promise(() => {}), 10, 'x'), DeadlineError);
  });
});
