import assert from 'node:assert/strict';
import { GcSimulator } from '../../nodes/finesse/simulator';
import { assertState, GcTestClient, logIn, SimFixture, stateOf } from './simulator-harness';

const INVALID = (id: string): string[] => [`${id}#Error#CF_INVALID_OBJECT_STATE`];

/** State and pending state of the single State event a command answers with. */
async function stateAfter(gc: GcTestClient, type: string, body = ''): Promise<[string, string]> {
  const [event] = await gc.request(type, body);
  assert.match(event, /#State#/, `${type} answered ${event}`);
  return stateOf(event);
}

/** An inbound call answered by the agent: returns the dialog id once the agent is TALKING. */
async function talk(sim: GcSimulator, gc: GcTestClient, agentId: string): Promise<string> {
  const dialogId = sim.injectInboundCall(agentId);
  await gc.take(new RegExp(`^${agentId}#NewInboundCall#.*#DialogID:${dialogId}#`));
  await gc.take(new RegExp(`^${agentId}#State#RESERVED#`));
  await gc.take(new RegExp(`^${agentId}#InboundCall#ALERTING#DialogID:${dialogId}#`));
  const answer = await gc.request(`AnswerCall#${agentId}`, dialogId, 2);
  assert.match(answer[0], new RegExp(`^${agentId}#InboundCall#ACTIVE#DialogID:${dialogId}#`));
  assert.deepEqual(stateOf(answer[1]), ['TALKING', '']);
  return dialogId;
}

/** ReleaseCall: InboundCall DROP, then the after-call State; returns that state. */
async function hangUpAs(gc: GcTestClient, agentId: string, dialogId: string): Promise<[string, string]> {
  const events = await gc.request(`ReleaseCall#${agentId}`, dialogId, 2);
  assert.match(events[0], new RegExp(`^${agentId}#InboundCall#DROP#DialogID:${dialogId}#`));
  return stateOf(events[1]);
}

describe('GC simulator: agent state transitions caused by commands (UCCE table)', function () {
  this.timeout(20000);
  const fx = new SimFixture();
  afterEach(() => fx.cleanup());

  it('NOT_READY -> READY -> NOT_READY, NOT_READY -> NOT_READY (new reason); READY -> READY and work states refused', async () => {
    const sim = await fx.sim({ wrapUpMs: 60000 });
    const gc = await fx.client(sim);
    await logIn(gc, '1001', 'pw1', '5001');
    assert.deepEqual(await gc.request('MakeWorkReady#1001', ''), INVALID('1001'));
    assert.deepEqual(await gc.request('MakeWorkNotReady#1001', ''), INVALID('1001'));
    assertState((await gc.request('MakeReady#1001', ''))[0], { id: '1001', state: 'READY', reason: '', extension: '5001', name: 'Sara Khan', login: 'skhan' });
    assert.deepEqual(await gc.request('MakeReady#1001', ''), INVALID('1001'));
    assert.deepEqual(await gc.request('MakeNotReadyWithReason#1001', ''), ['1001#Error#MISSING_REASON_CODE']);
    const [lunch] = await gc.request('MakeNotReadyWithReason#1001', '2');
    assertState(lunch, { id: '1001', state: 'NOT_READY', reason: '2', label: 'Lunch', extension: '5001', name: 'Sara Khan', login: 'skhan' });
    const [meeting] = await gc.request('MakeNotReadyWithReason#1001', '3');
    assert.deepEqual(meeting.split('#').slice(2, 4).concat(meeting.split('#')[10]), ['NOT_READY', '3', 'Meeting']);
    assert.deepEqual(await stateAfter(gc, 'MakeNotReady#1001'), ['NOT_READY', '']);
    assert.equal(sim.agent('1001')?.reasonCode, '-1');
  });

  it('READY -> RESERVED -> READY when the caller hangs up unanswered; in RESERVED state commands are refused', async () => {
    const sim = await fx.sim({ wrapUpMs: 60000 });
    const gc = await fx.client(sim);
    await logIn(gc, '1001', 'pw1', '5001');
    await gc.request('MakeReady#1001', '');
    const dialogId = sim.injectInboundCall('1001', { ani: '03001112222' });
    assert.match((await gc.take(/#NewInboundCall#/)).body, /^1001#NewInboundCall#03001112222##DialogID:\d+#CallType:ACD_IN#/);
    assert.deepEqual(stateOf((await gc.take(/#State#/)).body), ['RESERVED', '']);
    await gc.take(/#InboundCall#ALERTING#/);
    for (const command of ['MakeReady', 'MakeNotReady', 'Logout', 'MakeWorkReady']) assert.deepEqual(await gc.request(`${command}#1001`, ''), INVALID('1001'), command);
    assert.deepEqual(await gc.request('HoldCall#1001', dialogId), INVALID('1001'), 'a ringing call cannot be held');
    sim.hangUp(dialogId);
    assert.match((await gc.take(/#InboundCall#/)).body, new RegExp(`^1001#InboundCall#DROP#DialogID:${dialogId}#`));
    const back = await gc.take(/#State#/);
    assert.deepEqual(stateOf(back.body), ['READY', '']);
    assert.equal(back.correlationId, undefined);
  });

  it('TALKING: pending NOT_READY with reason, HOLD <-> TALKING, and NOT_READY (with that reason) after the call', async () => {
    const sim = await fx.sim({ wrapUpMs: 60000 });
    const gc = await fx.client(sim);
    await logIn(gc, '1001', 'pw1', '5001');
    await gc.request('MakeReady#1001', '');
    const dialogId = await talk(sim, gc, '1001');
    assert.deepEqual(await gc.request('Logout#1001', ''), INVALID('1001'));
    assert.deepEqual(await stateAfter(gc, 'MakeNotReadyWithReason#1001', '4'), ['TALKING', 'NOT_READY']);
    const hold = await gc.request('HoldCall#1001', dialogId, 2);
    assert.match(hold[0], new RegExp(`^1001#InboundCall#HELD#DialogID:${dialogId}#`));
    assert.deepEqual(stateOf(hold[1]), ['HOLD', 'NOT_READY']);
    assert.deepEqual(await gc.request('HoldCall#1001', dialogId), INVALID('1001'));
    const retrieve = await gc.request('RetrieveCall#1001', dialogId, 2);
    assert.match(retrieve[0], /^1001#InboundCall#ACTIVE#/);
    assert.deepEqual(stateOf(retrieve[1]), ['TALKING', 'NOT_READY']);
    assert.deepEqual(await gc.request('RetrieveCall#1001', dialogId), INVALID('1001'));
    const events = await gc.request('ReleaseCall#1001', dialogId, 2);
    assert.deepEqual(events[1].split('#').slice(2, 6), ['NOT_READY', '4', events[1].split('#')[4], '']);
    assert.equal(events[1].split('#')[10], 'Training');
  });

  it('NOT_READY -> TALKING by MakeCall, back to NOT_READY with the old reason; MakeCall refused when READY', async () => {
    const sim = await fx.sim({ wrapUpMs: 60000 });
    const gc = await fx.client(sim);
    await logIn(gc, '1001', 'pw1', '5001');
    await gc.request('MakeReady#1001', '');
    assert.deepEqual(await gc.request('MakeCall#1001', '03009998888'), INVALID('1001'));
    assert.deepEqual(await gc.request('MakeCall#1001', ''), ['1001#Error#MISSING_NUMBER']);
    await gc.request('MakeNotReadyWithReason#1001', '1');
    const started = await gc.request('MakeCall#1001', '03009998888', 3);
    assert.match(started[0], /^1001#InboundCall#INITIATING#DialogID:(\d+)#5001##\S+ \S+#CallType:OUT#ParticipantsCount:1#participants:5001,INITIATING,AGENT_DEVICE,,/);
    assert.match(started[1], /^1001#InboundCall#INITIATED#/);
    assert.deepEqual(stateOf(started[2]), ['TALKING', '']);
    const dialogId = /DialogID:(\d+)/.exec(started[0])?.[1] as string;
    assert.match((await gc.take(/#InboundCall#ALERTING#/)).body, /ParticipantsCount:2#participants:5001,ALERTING,AGENT_DEVICE,,[^|]+\|03009998888,ALERTING,,,/);
    const active = await gc.take(/#InboundCall#ACTIVE#/);
    assert.equal(active.correlationId, undefined, 'the far end answering is not a reply');
    const [state, pending] = await hangUpAs(gc, '1001', dialogId);
    assert.deepEqual([state, pending], ['NOT_READY', '']);
    assert.equal(sim.agent('1001')?.reasonCode, '1');
  });

  it('REQUIRED wrap-up: TALKING -> WORK_READY, HOLD -> WORK with pending NOT_READY; WORK / WORK_READY left by command', async () => {
    const sim = await fx.sim({ wrapUpMs: 60000 });
    const gc = await fx.client(sim);
    await logIn(gc, '1002', 'pw2', '5002');
    await gc.request('MakeReady#1002', '');
    let dialogId = await talk(sim, gc, '1002');
    assert.deepEqual(await hangUpAs(gc, '1002', dialogId), ['WORK_READY', '']);
    assert.deepEqual(await gc.request('Logout#1002', ''), INVALID('1002'));
    assert.deepEqual(await stateAfter(gc, 'MakeNotReady#1002'), ['NOT_READY', '']);
    await gc.request('MakeReady#1002', '');
    dialogId = await talk(sim, gc, '1002');
    await gc.request('MakeNotReady#1002', '');
    await gc.request('HoldCall#1002', dialogId, 2);
    assert.deepEqual(await hangUpAs(gc, '1002', dialogId), ['WORK', '']);
    assert.deepEqual(await stateAfter(gc, 'MakeReady#1002'), ['READY', '']);
    dialogId = await talk(sim, gc, '1002');
    await gc.request('HoldCall#1002', dialogId, 2);
    assert.deepEqual(await hangUpAs(gc, '1002', dialogId), ['WORK_READY', '']);
    assert.deepEqual(await stateAfter(gc, 'MakeReady#1002'), ['READY', '']);
    dialogId = await talk(sim, gc, '1002');
    await gc.request('MakeNotReady#1002', '');
    assert.deepEqual(await hangUpAs(gc, '1002', dialogId), ['WORK', '']);
    assert.deepEqual(await stateAfter(gc, 'MakeNotReady#1002'), ['NOT_READY', '']);
  });

  it('OPTIONAL wrap-up happens only when asked for: MakeWorkReady / MakeWorkNotReady during the call', async () => {
    const sim = await fx.sim({ wrapUpMs: 60000 });
    const gc = await fx.client(sim);
    await logIn(gc, '1001', 'pw1', '5001');
    await gc.request('MakeReady#1001', '');
    let dialogId = await talk(sim, gc, '1001');
    assert.deepEqual(await hangUpAs(gc, '1001', dialogId), ['READY', '']);
    dialogId = await talk(sim, gc, '1001');
    assert.deepEqual(await stateAfter(gc, 'MakeWorkReady#1001'), ['TALKING', 'WORK_READY']);
    assert.deepEqual(await hangUpAs(gc, '1001', dialogId), ['WORK_READY', '']);
    assert.deepEqual(await stateAfter(gc, 'MakeNotReady#1001'), ['NOT_READY', '']);
    await gc.request('MakeReady#1001', '');
    dialogId = await talk(sim, gc, '1001');
    assert.deepEqual(await stateAfter(gc, 'MakeWorkNotReady#1001'), ['TALKING', 'WORK']);
    assert.deepEqual(await hangUpAs(gc, '1001', dialogId), ['WORK', '']);
    assert.deepEqual(await stateAfter(gc, 'MakeReady#1001'), ['READY', '']);
  });

  it('NOT_ALLOWED wrap-up: work requests refused during a call, pending READY honoured', async () => {
    const sim = await fx.sim({ wrapUpMs: 60000 });
    const gc = await fx.client(sim);
    await logIn(gc, '1003', 'pw3', '5003');
    await gc.request('MakeReady#1003', '');
    const dialogId = await talk(sim, gc, '1003');
    assert.deepEqual(await gc.request('MakeWorkReady#1003', ''), INVALID('1003'));
    assert.deepEqual(await gc.request('MakeWorkNotReady#1003', ''), INVALID('1003'));
    assert.deepEqual(await stateAfter(gc, 'MakeNotReady#1003'), ['TALKING', 'NOT_READY']);
    assert.deepEqual(await stateAfter(gc, 'MakeReady#1003'), ['TALKING', 'READY']);
    assert.deepEqual(await hangUpAs(gc, '1003', dialogId), ['READY', '']);
  });

  it('ends wrap-up by timer: WORK_READY -> READY and WORK -> NOT_READY with the chosen reason, uncorrelated', async () => {
    const sim = await fx.sim({ wrapUpMs: 150 });
    const gc = await fx.client(sim);
    await logIn(gc, '1002', 'pw2', '5002');
    await gc.request('MakeReady#1002', '');
    let dialogId = await talk(sim, gc, '1002');
    assert.deepEqual(await hangUpAs(gc, '1002', dialogId), ['WORK_READY', '']);
    const ready = await gc.take(/^1002#State#READY#/);
    assert.equal(ready.correlationId, undefined);
    dialogId = await talk(sim, gc, '1002');
    await gc.request('MakeNotReadyWithReason#1002', '2');
    assert.deepEqual(await hangUpAs(gc, '1002', dialogId), ['WORK', '']);
    const notReady = await gc.take(/^1002#State#NOT_READY#/);
    assert.deepEqual([notReady.body.split('#')[3], notReady.body.split('#')[10]], ['2', 'Lunch']);
  });

  it('RESERVED_OUTBOUND_PREVIEW: pending NOT_READY then Reject -> NOT_READY; Accept -> ACCEPTED, ACTIVE, TALKING; Close -> READY', async () => {
    const sim = await fx.sim({ wrapUpMs: 60000 });
    const gc = await fx.client(sim);
    await logIn(gc, '1001', 'pw1', '5001');
    await gc.request('MakeReady#1001', '');
    let dialogId = sim.offerPreview('1001', { number: '03007654321', callVariables: { BACampaign: 'Renewals', BAAccountNumber: '991' } });
    assert.equal((await gc.take(/NewOutboundPreviewCall/)).body,
      `1001#NewOutboundPreviewCall#03007654321#BACampaign=Renewals|BAAccountNumber=991#DialogID:${dialogId}#CallType:OUTBOUND_PREVIEW`);
    assert.deepEqual(stateOf((await gc.take(/#State#/)).body), ['RESERVED_OUTBOUND_PREVIEW', '']);
    assert.deepEqual(await stateAfter(gc, 'MakeNotReady#1001'), ['RESERVED_OUTBOUND_PREVIEW', 'NOT_READY']);
    const rejected = await gc.request('RejectOutboundPreview#1001', `${dialogId},REJECT`, 2);
    assert.match(rejected[0], new RegExp(`^1001#InboundCall#DROP#DialogID:${dialogId}#`));
    assert.deepEqual(stateOf(rejected[1]), ['NOT_READY', '']);
    await gc.request('MakeReady#1001', '');
    dialogId = sim.offerPreview('1001');
    await gc.take(/#State#RESERVED_OUTBOUND_PREVIEW#/);
    assert.deepEqual(await gc.request('AcceptOutboundPreview#1001', ''), ['1001#Error#MISSING_DIALOG_ID']);
    assert.match((await gc.request('AcceptOutboundPreview#1001', `${dialogId},ACCEPT`))[0], new RegExp(`^1001#InboundCall#ACCEPTED#DialogID:${dialogId}#`));
    assert.deepEqual(await gc.request('CloseOutboundPreview#1001', `${dialogId},CLOSE`), INVALID('1001'), 'already accepted');
    await gc.take(new RegExp(`^1001#InboundCall#ACTIVE#DialogID:${dialogId}#`));
    assert.deepEqual(stateOf((await gc.take(/#State#/)).body), ['TALKING', '']);
    await hangUpAs(gc, '1001', dialogId);
    dialogId = sim.offerPreview('1001');
    await gc.take(/#State#RESERVED_OUTBOUND_PREVIEW#/);
    const closed = await gc.request('CloseOutboundPreview#1001', `${dialogId},CLOSE`, 2);
    assert.deepEqual(stateOf(closed[1]), ['READY', '']);
  });

  it('UCCX: HoldCall sends no hold event and the agent stays TALKING', async () => {
    const sim = await fx.sim({ flavor: 'UCCX', wrapUpMs: 60000 });
    const gc = await fx.client(sim);
    await logIn(gc, '1001', 'pw1', '5001');
    await gc.request('MakeReady#1001', '');
    const dialogId = await talk(sim, gc, '1001');
    gc.send('HoldCall#1001', dialogId);
    assert.deepEqual(await gc.drainBodies(), []);
    assert.equal(sim.agent('1001')?.state, 'TALKING');
    assert.equal(sim.dialog(dialogId)?.participants.find((p) => p.agentId === '1001')?.state, 'HELD');
    assert.match((await gc.request('RetrieveCall#1001', dialogId))[0], /^1001#InboundCall#ACTIVE#/);
  });
});
