import assert from 'assert/strict';
import { everyFamilyRecords } from '../../nodes/pom/simulator';
import { brokerConfig, brokerModule, Collector, helper, load, pomModule, waitForStatus, type Msg } from '../support/flow';
import { consumedAll, createTopic, produce, uniqueName } from '../support/kafka';

const FAMILIES = ['JOB', 'AGENT', 'ATTEMPT', 'ENRICHED_ATTEMPT_RESULT', 'JOB_STATISTICS', 'AGENT_STATISTICS', 'IMPORT_STATISTICS', 'HEART_BEAT', 'INBOUND_SKILL', 'CCTRENDS'];

/** A cc-pom-events node whose outputs go to helper nodes `${id}-out0` … `${id}-out${n}` (the last one: unreadable records). */
function pomNode(id: string, props: Record<string, unknown>, eventOutputs = 1): Record<string, unknown>[] {
  const outs = Array.from({ length: eventOutputs + 1 }, (_, i) => `${id}-out${i}`);
  return [
    { id, type: 'cc-pom-events', broker: 'broker', onlyNew: false, groupId: uniqueName('pom'), ...props, wires: outs.map((o) => [o]) },
    ...outs.map((o) => ({ id: o, type: 'helper' })),
  ];
}

function jobStatsRecord(jobId: number, seconds: number): string {
  return JSON.stringify({ eventType: 'JOB_STATISTICS', jobId, campaignName: 'Renewals', eventTimeStamp: seconds * 1000 });
}

describe('cc-pom-events against a Kafka broker', function () {
  this.timeout(60000);
  before(() => helper.startServer());
  after(() => helper.stopServer());
  afterEach(() => helper.unload());

  it('delivers all ten families from their default topics with the message contract', async () => {
    const org = uniqueName('Org').replace(/-/g, '');
    const records = everyFamilyRecords({ org });
    const topics = [...new Set(records.map((r) => r.topic))];
    for (const topic of topics) await createTopic(topic, 1);
    // The shared topics are shared by every test's org: read only what this test produces.
    await load([brokerModule, pomModule], [brokerConfig(), ...pomNode('p1', { org, onlyNew: true })]);
    await waitForStatus(helper.getNode('p1'), (s) => s.fill === 'green');
    const out = new Collector(helper.getNode('p1-out0'));
    for (const record of records) await produce(record.topic, [{ key: record.key, value: record.value, timestamp: record.timestamp }]);
    const msgs = await out.waitUntil('every family', (m) => FAMILIES.every((f) => m.some((x) => x.topic === f)));
    for (const family of FAMILIES) {
      const msg = msgs.find((m) => m.topic === family)!;
      const record = records.find((r) => r.family === family)!;
      assert.equal(msg.event.vendor, 'pom');
      assert.equal(msg.event.family, family);
      assert.equal(typeof msg.event.type, 'string');
      assert.equal(msg.kafka.topic, record.topic);
      if (family !== 'HEART_BEAT' && family !== 'INBOUND_SKILL') assert.equal(msg.event.org, org, `${family} org`);
      assert.ok(!Number.isNaN(Date.parse(msg.event.eventTime)), `${family} has an event time`);
      const sent = JSON.parse(record.value);
      for (const [key, value] of Object.entries(sent)) {
        if (/time|date/i.test(key)) continue; // dates arrive as ISO text, checked through eventTime
        if (typeof value !== 'object' && key in msg.payload) assert.deepEqual(msg.payload[key], value, `${family}.${key}`);
      }
    }
    assert.equal(msgs.find((m) => m.topic === 'HEART_BEAT')!.kafka.topic, 'POM.HEARTBEAT');
    assert.equal(msgs.find((m) => m.topic === 'JOB')!.kafka.topic, `POM.${org}.JOB`);
  });

  it('refuses a group id with a space and two families on one topic, saying which', async () => {
    await load([brokerModule, pomModule], [
      brokerConfig(),
      ...pomNode('spaced', { groupId: 'my pom group' }),
      ...pomNode('clash', { families: ['JOB', 'AGENT'], topics: { AGENT: 'POM.Default.JOB' } }),
    ]);
    const shown = (id: string) => {
      const node = helper.getNode(id);
      return node.status.getCalls().filter((c: { thisValue: unknown }) => c.thisValue === node).map((c: { args: [{ text: string }] }) => c.args[0].text);
    };
    assert.ok(shown('spaced').some((t: string) => /^error: Group ID "my pom group" contains a space/.test(t)), shown('spaced').join(' | '));
    assert.ok(shown('clash').some((t: string) => /^error: POM families JOB and AGENT are both set to read/.test(t)), shown('clash').join(' | '));
  });

  it('reads a family from an overridden topic', async () => {
    const custom = uniqueName('legacy.INBOUNDSKILL');
    await createTopic(custom, 1);
    await load([brokerModule, pomModule], [brokerConfig(), ...pomNode('p1', { families: ['INBOUND_SKILL'], topics: { INBOUND_SKILL: custom } })]);
    await waitForStatus(helper.getNode('p1'), (s) => s.fill === 'green');
    const out = new Collector(helper.getNode('p1-out0'));
    await produce(custom, [{ value: JSON.stringify({ eventTypeEnum: 'INBOUND_SKILL', skillId: 7, eventTimeStamp: Date.now() }) }]);
    const [msg] = await out.waitFor(1);
    assert.equal(msg.topic, 'INBOUND_SKILL');
    assert.equal(msg.kafka.topic, custom);
  });

  for (const onlyNew of [true, false]) {
    it(`with onlyNew ${onlyNew ? 'on skips' : 'off resumes'} what was produced while the node was away`, async () => {
      const org = uniqueName('Org').replace(/-/g, '');
      const topic = `POM.${org}.JOBSTATISTICS`;
      await createTopic(topic, 1);
      const source = pomNode('p1', { org, families: ['JOB_STATISTICS'], onlyNew: false });
      const flow = [brokerConfig(), ...source];
      const groupId = String(source[0].groupId);
      await load([brokerModule, pomModule], flow);
      await waitForStatus(helper.getNode('p1'), (s) => s.fill === 'green');
      await produce(topic, [1, 2].map((i) => ({ partition: 0, value: jobStatsRecord(i, i) })));
      await new Collector(helper.getNode('p1-out0')).waitFor(2);
      await consumedAll(groupId, topic, 2);
      await helper.unload();

      await produce(topic, [3, 4].map((i) => ({ partition: 0, value: jobStatsRecord(i, i) })));
      source[0].onlyNew = onlyNew;
      await load([brokerModule, pomModule], flow);
      const out = new Collector(helper.getNode('p1-out0'));
      await waitForStatus(helper.getNode('p1'), (s) => s.fill === 'green');
      await produce(topic, [{ partition: 0, value: jobStatsRecord(5, 5) }]);
      await out.waitUntil('job 5', (m) => m.some((x) => x.payload.jobId === 5));
      await consumedAll(groupId, topic, 5);
      assert.deepEqual(out.messages.map((m) => m.payload.jobId), onlyNew ? [5] : [3, 4, 5]);
    });
  }

  it('with onlyNew off starts a new group at the oldest retained event', async () => {
    const org = uniqueName('Org').replace(/-/g, '');
    const topic = `POM.${org}.JOBSTATISTICS`;
    await createTopic(topic, 1);
    await produce(topic, [1, 2].map((i) => ({ partition: 0, value: jobStatsRecord(i, i) })));
    await load([brokerModule, pomModule], [brokerConfig(), ...pomNode('p1', { org, families: ['JOB_STATISTICS'], onlyNew: false })]);
    const msgs = await new Collector(helper.getNode('p1-out0')).waitFor(2);
    assert.deepEqual(msgs.map((m) => m.payload.jobId), [1, 2]);
  });

  it('sends each family out of its own output when asked, unreadable records out of the last', async () => {
    const org = uniqueName('Org').replace(/-/g, '');
    for (const suffix of ['JOB', 'AGENT']) await createTopic(`POM.${org}.${suffix}`, 1);
    await load([brokerModule, pomModule], [brokerConfig(), ...pomNode('p1', { org, families: ['AGENT', 'JOB'], outputMode: 'family' }, 2)]);
    await waitForStatus(helper.getNode('p1'), (s) => s.fill === 'green');
    const [jobs, agents, errors] = [0, 1, 2].map((i) => new Collector(helper.getNode(`p1-out${i}`)));
    const [job, agent] = ['JOB', 'AGENT'].map((f) => everyFamilyRecords({ org }).find((r) => r.family === f)!);
    await produce(`POM.${org}.JOB`, [{ value: job.value }, { value: '{"jobId": ' }]);
    await produce(`POM.${org}.AGENT`, [{ value: agent.value }]);
    await jobs.waitFor(1);
    await agents.waitFor(1);
    const [bad] = await errors.waitFor(1);
    assert.deepEqual(jobs.messages.map((m) => m.topic), ['JOB']);
    assert.deepEqual(agents.messages.map((m) => m.topic), ['AGENT']);
    assert.equal(bad.payload, '{"jobId": ');
    assert.match(bad.error!.message, /JSON/);
  });

  it('flags unknown sub-types and rejects records of the wrong shape without stopping', async () => {
    const org = uniqueName('Org').replace(/-/g, '');
    const topic = `POM.${org}.JOB`;
    await createTopic(topic, 1);
    await load([brokerModule, pomModule], [brokerConfig(), ...pomNode('p1', { org, families: ['JOB'] })]);
    await waitForStatus(helper.getNode('p1'), (s) => s.fill === 'green');
    const out = new Collector(helper.getNode('p1-out0'));
    const err = new Collector(helper.getNode('p1-out1'));
    await produce(topic, [
      { value: JSON.stringify({ orgName: org, jobId: 11, campaignName: 'C', eventType: 'JOBTELEPORTED', eventTimeStamp: 1718287196000 }) },
      { value: '[1,2]' },
      { value: JSON.stringify({ orgName: org, jobId: { id: 1 }, campaignName: 'C', eventType: 'JOBRUNNING' }) },
      { value: JSON.stringify({ orgName: org, jobId: 12, campaignName: 'C', eventType: 'JOBRUNNING', eventTimeStamp: 1718287197000 }) },
    ].map((r) => ({ ...r, partition: 0 })));
    const events = await out.waitFor(2);
    const errors = await err.waitFor(2);
    assert.deepEqual(events.map((m) => [m.payload.jobId, m.event.type, m.event.known]), [[11, 'JOBTELEPORTED', false], [12, 'JOBRUNNING', true]]);
    assert.match(errors[0].error!.message, /object/);
    assert.deepEqual(errors[1].error!.issues[0].path, ['jobId']);
  });

  it('raises one alarm when a POM server stops beating and one recovery when it is back', async () => {
    const topic = uniqueName('hb.HEARTBEAT');
    await createTopic(topic, 1);
    await load([brokerModule, pomModule], [brokerConfig(), ...pomNode('p1', {
      // The limit must exceed a fetch's wait (3 s), or the "no server since connect" alarm may come before pom-a's first beat.
      families: ['HEART_BEAT'], topics: { HEART_BEAT: topic }, heartbeatInterval: 1.5, missedBeats: 3,
    })]);
    const node = helper.getNode('p1');
    await waitForStatus(node, (s) => s.fill === 'green');
    const out = new Collector(helper.getNode('p1-out0'));
    const beat = () => produce(topic, [{ value: JSON.stringify({ serverName: 'pom-a', eventTimeStamp: Date.now(), eventTypeEnum: 'HEART_BEAT' }) }]);
    await beat();
    await out.waitUntil('the first heartbeat', (m) => m.some((x) => x.topic === 'HEART_BEAT'));
    const alarmStatus = waitForStatus(node, (s) => s.fill === 'red' && /pom-a/.test(s.text ?? ''), 15000);
    const pomAMissed = (m: Msg) => m.topic === 'HEART_BEAT_MISSED' && m.payload.serverName === 'pom-a';
    const [missed] = (await out.waitUntil('an alarm for pom-a', (m) => m.some(pomAMissed), 15000)).filter(pomAMissed);
    await alarmStatus;
    assert.equal(missed.payload.serverName, 'pom-a');
    assert.ok(missed.payload.silentForMs > 4500);
    assert.ok(!Number.isNaN(Date.parse(missed.payload.lastHeartbeat)));
    const healthy = waitForStatus(node, (s) => s.fill === 'green', 10000);
    await beat();
    const all = await out.waitUntil('a recovery', (m) => m.some((x) => x.topic === 'HEART_BEAT_RESTORED'), 10000);
    await healthy;
    assert.equal(all.filter(pomAMissed).length, 1, 'one alarm, not one per check');
    assert.equal(all.find((m: Msg) => m.topic === 'HEART_BEAT_RESTORED')!.payload.serverName, 'pom-a');
  });
});
