import assert from 'assert/strict';
import type { Client } from 'stompit';
import { connectStomp } from '../../nodes/finesse/client/stomp-connection';

const [host, port] = (process.env.ACTIVEMQ_STOMP ?? '').split(':');
if (!host || !port) throw new Error('ACTIVEMQ_STOMP is not set: run the suite with `npm test`, which starts ActiveMQ');
const endpoint = { host, port: Number(port) };

let seq = 0;
/** stompit's messages carry their frame headers; its type declarations leave them out. */
const headersOf = (message: object) => (message as { headers: Record<string, string> }).headers;
const unique = (name: string) => `/queue/cc-test-${name}-${process.pid}-${++seq}`;

/** Answers every request on its queue at the request's reply-to, echoing the correlation id (what the Generic Connector does). */
async function startResponder(queue: string): Promise<Client> {
  const client = await connectStomp(endpoint);
  client.subscribe({ destination: queue, ack: 'auto' }, (err, message) => {
    if (err) return;
    const replyTo = headersOf(message)['reply-to'];
    const correlation = headersOf(message)['correlation-id'];
    message.readString('utf-8', (readErr, body) => {
      if (readErr) return;
      const frame = client.send({ destination: replyTo, 'correlation-id': correlation });
      frame.end(`reply:${body}`);
    });
  });
  return client;
}

/** A requester whose replies are matched by correlation id. */
async function startRequester(requests: string, name: string) {
  const client = await connectStomp(endpoint);
  const replies = unique(`replies-${name}`);
  const waiting = new Map<string, (body: string) => void>();
  client.subscribe({ destination: replies, ack: 'auto' }, (err, message) => {
    if (err) return;
    const correlation = headersOf(message)['correlation-id'];
    message.readString('utf-8', (readErr, body) => {
      const resolve = waiting.get(correlation);
      waiting.delete(correlation);
      if (!readErr && resolve) resolve(body ?? '');
    });
  });
  let next = 0;
  const request = (body: string) => new Promise<string>((resolve) => {
    const correlation = `${name}-${++next}`;
    waiting.set(correlation, resolve);
    client.send({ destination: requests, 'reply-to': replies, 'correlation-id': correlation }).end(body);
  });
  return { client, request, pending: () => waiting.size };
}

describe('STOMP connection to ActiveMQ (Generic Connector transport)', function () {
  this.timeout(60000);
  const clients: Client[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });

  it('completes 10,000 sequential request/reply round trips, each reply matched', async () => {
    const queue = unique('requests');
    clients.push(await startResponder(queue));
    const requester = await startRequester(queue, 'seq');
    clients.push(requester.client);
    for (let i = 0; i < 10000; i++) {
      assert.equal(await requester.request(`GetState,${i}`), `reply:GetState,${i}`);
    }
    assert.equal(requester.pending(), 0);
  });

  it('answers a burst of 1,000 concurrent requests from 20 clients, none lost or crossed', async () => {
    const queue = unique('requests');
    clients.push(await startResponder(queue));
    const requesters = await Promise.all(Array.from({ length: 20 }, (_, a) => startRequester(queue, `agent${a}`)));
    clients.push(...requesters.map((r) => r.client));
    const results = await Promise.all(requesters.flatMap((r, a) =>
      Array.from({ length: 50 }, (_, i) => r.request(`agent${a}:${i}`).then((reply) => [reply, `reply:agent${a}:${i}`]))));
    assert.equal(results.length, 1000);
    for (const [reply, expected] of results) assert.equal(reply, expected);
    for (const r of requesters) assert.equal(r.pending(), 0);
  });
});
