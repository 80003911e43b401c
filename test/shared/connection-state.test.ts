import assert from 'assert/strict';
import { ConnectionStateMachine, nextConnectionState, type ConnectionChange, type ConnectionEvent, type ConnectionState } from '../../nodes/shared/connection-state';

describe('ConnectionStateMachine', () => {
  const table: [ConnectionState, ConnectionEvent, ConnectionState | undefined][] = [
    ['idle', 'start', 'connecting'],
    ['idle', 'ready', undefined],
    ['connecting', 'ready', 'connected'],
    ['connecting', 'lost', 'disconnected'],
    ['connecting', 'fail', 'error'],
    ['connected', 'lost', 'disconnected'],
    ['connected', 'rebalance', 'connecting'],
    ['connected', 'retry', undefined],
    ['disconnected', 'retry', 'connecting'],
    ['disconnected', 'ready', 'connected'],
    ['error', 'retry', 'connecting'],
    ['error', 'lost', 'error'],
    ['error', 'ready', 'connected'],
    ['stopped', 'start', undefined],
    ['stopped', 'ready', undefined],
  ];
  for (const [from, event, to] of table) {
    it(`${from} --${event}--> ${to ?? '(ignored)'}`, () => assert.equal(nextConnectionState(from, event), to));
  }

  it('every state but stopped can be stopped', () => {
    for (const state of ['idle', 'connecting', 'connected', 'disconnected', 'error'] as ConnectionState[]) {
      assert.equal(nextConnectionState(state, 'stop'), 'stopped');
    }
  });

  it('emits each change with its reason and ignores events that mean nothing', () => {
    const machine = new ConnectionStateMachine();
    const changes: ConnectionChange[] = [];
    machine.on('change', (c: ConnectionChange) => changes.push(c));
    assert.equal(machine.dispatch('ready'), false);
    machine.dispatch('start');
    machine.dispatch('lost', 'broker refused the connection');
    machine.dispatch('lost', 'broker refused the connection');
    machine.dispatch('retry');
    machine.dispatch('ready');
    machine.dispatch('stop');
    assert.equal(machine.dispatch('start'), false);
    assert.deepEqual(changes.map((c) => [c.from, c.to, c.reason]), [
      ['idle', 'connecting', undefined],
      ['connecting', 'disconnected', 'broker refused the connection'],
      ['disconnected', 'connecting', undefined],
      ['connecting', 'connected', undefined],
      ['connected', 'stopped', undefined],
    ]);
    assert.equal(machine.state, 'stopped');
  });
});
