import assert from 'assert/strict';
import { defaultPomTopic } from '../../nodes/pom/schema';
import { AGENT_CALL_STATE, AGENT_STATE } from '../pom/fixtures/records';
import { agentStateModule, brokerConfig, brokerModule, Collector, helper, load, pomModule, type Msg } from '../support/flow';
import { createTopic, produce, uniqueName } from '../support/kafka';

type Rec = Record<string, unknown>;
const START = Date.parse('2026-12-07T09:00:00Z');

const state = (value: string, extra: Rec = {}): Rec => ({ ...AGENT_STATE, agentEventType: { state: value, logoutReasonCode: '', notReadyReasonCode: null, previousAgentState: '', ...extra } });
const call = (value: string): Rec => ({ ...AGENT_CALL_STATE, agentEventType: { ...AGENT_CALL_STATE.agentEventType, callState: value } });

/** The agent story as POM's AGENT family tells it, through cc-pom-events from Kafka, into one cc-agent-state. */
describe('cc-agent-state fed by cc-pom-events from Kafka', function () {
  this.timeout(60000);
  before(() => helper.startServer());
  after(() => helper.stopServer());
  afterEach(() => helper.unload());

  it('shows the scenario as the unified sequence, hold inside BUSY', async () => {
    const org = uniqueName('org').replace(/[^A-Za-z0-9]/g, '');
    const topic = defaultPomTopic('AGENT', org);
    await createTopic(topic, 1);
    const records = [
      state('LOGGED_IN'), state('READY'), call('PENDING_CALL'), call('ONCALL'), call('CALL_HELD'), call('ONCALL'), call('WRAPUP'),
      state('WORK_NOT_READY'), call('WRAPUP_COMPLETE'), call('IDLE'), state('READY'), state('NOT_READY', { notReadyReasonCode: 'Break' }),
      state('LOGGED_OUT', { logoutReasonCode: 'MANUAL_LOGOUT' }),
    ].map((r, i) => ({ ...r, agentEventType: { ...(r.agentEventType as Rec), timestamp: START + i * 1000 } }));
    await produce(topic, records.map((r) => ({ key: '5001', value: JSON.stringify(r), partition: 0 })));
    await load([brokerModule, pomModule, agentStateModule], [
      brokerConfig(),
      { id: 'pom', type: 'cc-pom-events', broker: 'broker', org, families: ['AGENT'], topics: {}, groupId: uniqueName('grp'), onlyNew: false, outputMode: 'single', wires: [['model'], []] },
      { id: 'model', type: 'cc-agent-state', thresholds: [], wires: [['changes'], [], []] },
      { id: 'changes', type: 'helper' },
    ]);
    const changes = new Collector(helper.getNode('changes'));
    await changes.waitUntil('the logout', (m) => m.some((c) => c.payload.state === 'LOGGED_OUT'), 30000);
    const line = (c: Msg) => [c.payload.state, c.payload.contacts, c.payload.reason?.code].filter((x) => x !== undefined).join(' ');
    assert.deepEqual(changes.messages.map(line), ['NOT_READY 0', 'READY 0', 'RESERVED 1', 'BUSY 1', 'WRAP_UP 1', 'READY 0', 'NOT_READY 0 Break', 'LOGGED_OUT 0 MANUAL_LOGOUT'],
      'hold stays BUSY; WORK_NOT_READY repeats WRAP_UP; the end of the wrap-up only zeroes the contacts');
    assert.ok(changes.messages.every((c) => c.topic === 'pom/5001'));
    assert.equal(changes.messages[3].payload.since, new Date(START + 3000).toISOString());
  });
});
