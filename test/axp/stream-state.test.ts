import assert from 'assert/strict';
import { AxpStreamStateMachine, nextAxpStreamState, type AxpStreamEvent, type AxpStreamState } from '../../nodes/axp/client/stream-state';
import { RecentIds } from '../../nodes/axp/client/recent-ids';
import { apiBase, checkAccount, tokenUrlOf } from '../../nodes/axp/client/account-settings';

describe('AXP stream state machine (digest §4.5)', () => {
  const table: [AxpStreamState, AxpStreamEvent, AxpStreamState | undefined][] = [
    ['idle', 'token', 'authorizing'],
    ['idle', 'confirmed', undefined],
    ['authorizing', 'subscribe', 'subscribing'],
    ['authorizing', 'connect', 'connecting'],
    ['authorizing', 'refuse', 'refused'],
    ['subscribing', 'connect', 'connecting'],
    ['subscribing', 'lost', 'waiting'],
    ['connecting', 'opened', 'authenticating'],
    ['connecting', 'confirmed', undefined],
    ['authenticating', 'confirmed', 'streaming'],
    ['authenticating', 'token', 'authorizing'],
    ['authenticating', 'refuse', 'refused'],
    ['streaming', 'lost', 'waiting'],
    ['streaming', 'opened', undefined],
    ['waiting', 'retry', 'authorizing'],
    ['waiting', 'confirmed', undefined],
    ['refused', 'retry', 'authorizing'],
    ['refused', 'confirmed', undefined],
    ['stopped', 'retry', undefined],
  ];
  for (const [from, event, to] of table) {
    it(`${from} --${event}--> ${to ?? '(ignored)'}`, () => assert.equal(nextAxpStreamState(from, event), to));
  }

  it('every state but stopped can be stopped', () => {
    for (const state of ['idle', 'authorizing', 'subscribing', 'connecting', 'authenticating', 'streaming', 'waiting', 'refused'] as AxpStreamState[]) {
      assert.equal(nextAxpStreamState(state, 'stop'), 'stopped');
    }
  });

  it('follows a first connection, a dropped socket and the way back', () => {
    const machine = new AxpStreamStateMachine();
    const seen: string[] = [];
    machine.on('change', (c: { to: string }) => seen.push(c.to));
    for (const e of ['token', 'subscribe', 'connect', 'opened', 'confirmed', 'lost', 'retry', 'connect', 'opened', 'confirmed', 'stop'] as AxpStreamEvent[]) machine.dispatch(e);
    assert.deepEqual(seen, ['authorizing', 'subscribing', 'connecting', 'authenticating', 'streaming', 'waiting', 'authorizing', 'connecting', 'authenticating', 'streaming', 'stopped']);
  });
});

describe('AXP helpers', () => {
  it('remembers a bounded number of event ids', () => {
    const ids = new RecentIds(3);
    assert.deepEqual(['a', 'b', 'a', 'c', 'd', 'b', 'a'].map((id) => ids.add(id)), [true, true, false, true, true, false, true]);
  });

  it('takes an API host with or without scheme and builds the token URL, unless overridden', () => {
    assert.equal(apiBase('uk.cc.avayacloud.com'), 'https://uk.cc.avayacloud.com');
    assert.equal(apiBase('http://127.0.0.1:8090/'), 'http://127.0.0.1:8090');
    assert.throws(() => apiBase('ftp://x'), /https:\/\//);
    const settings = { apiHost: 'eu.api.avayacloud.com', accountId: 'DYNNUG', clientId: 'c', clientSecret: 's', rejectUnauthorized: true, allowUnencrypted: false };
    assert.equal(tokenUrlOf(settings), 'https://eu.api.avayacloud.com/api/auth/v1/DYNNUG/protocol/openid-connect/token');
    assert.equal(tokenUrlOf({ ...settings, tokenUrl: 'https://idp/auth/realms/DYNNUG/protocol/openid-connect/token' }), 'https://idp/auth/realms/DYNNUG/protocol/openid-connect/token');
    assert.throws(() => checkAccount({ ...settings, clientSecret: '' }), /no client secret/);
    assert.throws(() => checkAccount({ ...settings, accountId: 'DYN NUG' }), /account id/);
  });
});
