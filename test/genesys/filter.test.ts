import assert from 'assert/strict';
import { filterValues, genesysFilter } from '../../nodes/genesys/filter';

const none = { events: [], agentIds: [], dns: [], queues: [] };

describe('Genesys filter', () => {
  it('splits comma-separated exact values', () => {
    assert.deepEqual(filterValues(' 1001, 1002 ,,'), ['1001', '1002']);
    assert.deepEqual(filterValues(['EventAgentReady']), ['EventAgentReady']);
    assert.deepEqual(filterValues(undefined), []);
  });

  it('passes everything when empty', () => {
    const accept = genesysFilter(none);
    assert.equal(accept({ id: 'EventOffHook', ThisDN: '5001' }, true, null), true);
    assert.equal(accept({ id: 'EventWhatever', ThisDN: '5001' }, false, null), true);
  });

  it('passes undocumented events only when "unknown" is ticked', () => {
    const accept = genesysFilter({ ...none, events: ['EventAgentReady', 'unknown'] });
    assert.equal(accept({ id: 'EventQueueLogout', ThisDN: '5001' }, false, null), true);
    assert.equal(accept({ id: 'EventAgentReady', ThisDN: '5001' }, true, null), true);
    assert.equal(accept({ id: 'EventOffHook', ThisDN: '5001' }, true, null), false);
  });

  it('resolves the agent of a DN event from the key when no binding is known', () => {
    const accept = genesysFilter({ ...none, agentIds: ['1001'] });
    assert.equal(accept({ id: 'EventOffHook', ThisDN: '5001' }, true, 'acme:1001'), true);
    assert.equal(accept({ id: 'EventOffHook', ThisDN: '5001' }, true, 'acme:1002'), false);
    assert.equal(accept({ id: 'EventOffHook', ThisDN: '5001' }, true, 'acme'), false);
  });

  it('prefers the DN binding over the key, and forgets it at logout', () => {
    const accept = genesysFilter({ ...none, agentIds: ['1001'] });
    accept({ id: 'EventAgentLogin', ThisDN: '5001', AgentID: '1001', ThisQueue: '8000' }, true, null);
    assert.equal(accept({ id: 'EventOnHook', ThisDN: '5001' }, true, 'acme:9999'), true);
    assert.equal(accept({ id: 'EventAgentLogout', ThisDN: '5001', AgentID: '1001' }, true, null), true);
    assert.equal(accept({ id: 'EventOnHook', ThisDN: '5001' }, true, null), false);
  });

  it('matches queues from the event or from the agent logins', () => {
    const accept = genesysFilter({ ...none, queues: ['8001'] });
    assert.equal(accept({ id: 'EventAgentLogin', ThisDN: '5001', AgentID: '1001', ThisQueue: '8000' }, true, null), false);
    assert.equal(accept({ id: 'EventAgentLogin', ThisDN: '5001', AgentID: '1001', ThisQueue: '8001' }, true, null), true);
    assert.equal(accept({ id: 'EventAgentNotReady', ThisDN: '5001', AgentID: '1001', ThisQueue: '8000' }, true, null), false);
    assert.equal(accept({ id: 'EventDNDOn', ThisDN: '5001' }, true, null), true);
    assert.equal(accept({ id: 'EventDNDOn', ThisDN: '5009' }, true, null), false);
  });
});
