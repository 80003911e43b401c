import assert from 'assert/strict';
import { GcLinkStateMachine, nextGcLinkState, type GcLinkChange, type GcLinkEvent, type GcLinkState } from '../../nodes/finesse/client/gc-link-state';

describe('GC link state machine (digest §2.4)', () => {
  const table: [GcLinkState, GcLinkEvent, GcLinkState | undefined][] = [
    ['idle', 'start', 'broker-down'],
    ['idle', 'in-service', undefined],
    ['broker-down', 'subscribed', 'handshaking'],
    ['broker-down', 'broker-lost', 'broker-down'],
    ['broker-down', 'in-service', undefined],
    ['handshaking', 'in-service', 'in-service'],
    ['handshaking', 'out-of-service', 'out-of-service'],
    ['handshaking', 'broker-lost', 'broker-down'],
    ['handshaking', 'beats-missed', undefined],
    ['out-of-service', 'in-service', 'in-service'],
    ['out-of-service', 'out-of-service', 'out-of-service'],
    ['out-of-service', 'broker-lost', 'broker-down'],
    ['out-of-service', 'subscribed', undefined],
    ['in-service', 'out-of-service', 'out-of-service'],
    ['in-service', 'beats-missed', 'handshaking'],
    ['in-service', 'broker-lost', 'broker-down'],
    ['in-service', 'in-service', 'in-service'],
    ['in-service', 'subscribed', undefined],
    ['stopped', 'start', undefined],
    ['stopped', 'in-service', undefined],
  ];
  for (const [from, event, to] of table) {
    it(`${from} --${event}--> ${to ?? '(ignored)'}`, () => assert.equal(nextGcLinkState(from, event), to));
  }

  it('every state but stopped can be stopped', () => {
    for (const state of ['idle', 'broker-down', 'handshaking', 'out-of-service', 'in-service'] as GcLinkState[]) {
      assert.equal(nextGcLinkState(state, 'stop'), 'stopped');
    }
  });

  it('reports a whole session: connect, handshake, out of service, back, broker lost, reconnect, stop', () => {
    const machine = new GcLinkStateMachine();
    const changes: GcLinkChange[] = [];
    machine.on('change', (c: GcLinkChange) => changes.push(c));
    for (const event of ['start', 'subscribed', 'in-service', 'in-service', 'out-of-service', 'in-service', 'beats-missed', 'in-service', 'broker-lost', 'subscribed', 'stop'] as GcLinkEvent[]) {
      machine.dispatch(event);
    }
    assert.equal(machine.dispatch('start'), false);
    assert.deepEqual(changes.map((c) => c.to), [
      'broker-down', 'handshaking', 'in-service', 'out-of-service', 'in-service', 'handshaking', 'in-service', 'broker-down', 'handshaking', 'stopped',
    ]);
  });

  it('a new reason in the same state is a change (status text follows the retries)', () => {
    const machine = new GcLinkStateMachine();
    const reasons: (string | undefined)[] = [];
    machine.on('change', (c: GcLinkChange) => reasons.push(c.reason));
    machine.dispatch('start');
    machine.dispatch('broker-lost', 'refused; retrying in 0.5 s');
    machine.dispatch('broker-lost', 'refused; retrying in 0.5 s');
    machine.dispatch('broker-lost', 'refused; retrying in 1 s');
    assert.deepEqual(reasons, [undefined, 'refused; retrying in 0.5 s', 'refused; retrying in 1 s']);
    assert.equal(machine.reason, 'refused; retrying in 1 s');
  });
});
