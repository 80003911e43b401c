import assert from 'node:assert/strict';
import { GcSimulator } from '../../nodes/finesse/simulator';
import { GcTestClient, logIn, SimFixture, stateOf } from './simulator-harness';

const field = (body: string, i: number): string => body.split('#')[i];
const dialogIdOf = (body: string): string => /DialogID:(\d+)/.exec(body)?.[1] as string;

async function ready(gc: GcTestClient, id: string, password: string, extension: string): Promise<void> {
  await logIn(gc, id, password, extension);
  await gc.request(`MakeReady#${id}`, '');
}

/** Takes the three offer events of a call ringing at the agent; returns the NewInboundCall body. */
async function takeOffer(gc: GcTestClient, agentId: string): Promise<string> {
  const offer = await gc.take(new RegExp(`^${agentId}#NewInboundCall#`));
  assert.deepEqual(stateOf((await gc.take(new RegExp(`^${agentId}#State#`))).body), ['RESERVED', '']);
  await gc.take(new RegExp(`^${agentId}#InboundCall#ALERTING#DialogID:${dialogIdOf(offer.body)}#`));
  return offer.body;
}

async function answer(gc: GcTestClient, agentId: string, dialogId: string): Promise<string> {
  const events = await gc.request(`AnswerCall#${agentId}`, dialogId, 2);
  assert.deepEqual(stateOf(events[1]), ['TALKING', '']);
  return events[0];
}

describe('GC simulator: calls, consults, transfers and conferences', function () {
  this.timeout(20000);
  const fx = new SimFixture();
  afterEach(() => fx.cleanup());
  let sim: GcSimulator;
  let gc: GcTestClient;

  describe('with agents 1001 (OPTIONAL), 1002 (REQUIRED), 1003 (NOT_ALLOWED) and supervisor 1004 logged in', () => {
    beforeEach(async () => {
      sim = await fx.sim({ wrapUpMs: 300 });
      gc = await fx.client(sim);
      await ready(gc, '1001', 'pw1', '5001');
      await ready(gc, '1002', 'pw2', '5002');
      await ready(gc, '1003', 'pw3', '5003');
      await logIn(gc, '1004', 'pw4', '5004');
      await gc.drain();
    });

    it('runs a full customer call: answer, hold, retrieve, consult, transfer, release, wrap-up timer', async () => {
      const main = sim.injectInboundCall('1001', { ani: '03001234567', callVariables: { callVariable1: '123', callVariable2: 'VIP' } });
      const offer = await takeOffer(gc, '1001');
      assert.match(offer, new RegExp(`^1001#NewInboundCall#03001234567#callVariable1=123\\|callVariable2=VIP#DialogID:${main}#CallType:ACD_IN#\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$`));
      const active = await answer(gc, '1001', main);
      assert.match(active, new RegExp(`^1001#InboundCall#ACTIVE#DialogID:${main}#03001234567#callVariable1=123\\|callVariable2=VIP#[^#]+#CallType:ACD_IN#ParticipantsCount:2#participants:03001234567,ACTIVE,,,[^|]+\\|5001,ACTIVE,AGENT_DEVICE,,[^#]+$`));
      assert.deepEqual((await gc.request('HoldCall#1001', main, 2)).map((b) => field(b, 2)), ['HELD', 'HOLD']);
      assert.deepEqual((await gc.request('RetrieveCall#1001', main, 2)).map((b) => field(b, 2)), ['ACTIVE', 'TALKING']);

      const consulting = await gc.request('ConsultCall#1001', `5002,${main}`, 2);
      assert.match(consulting[0], new RegExp(`^1001#InboundCall#HELD#DialogID:${main}#`));
      assert.equal(consulting[1], `1001#ConsultCall#INITIATED#AssDialogID:${main}#5001#callVariable1=123|callVariable2=VIP#Sara Khan`);
      assert.equal((await gc.take(/^1001#ConsultCall#ALERTING#/)).body, `1001#ConsultCall#ALERTING#AssDialogID:${main}#5001#callVariable1=123|callVariable2=VIP#Sara Khan`);
      const consultOffer = await takeOffer(gc, '1002');
      const consult = dialogIdOf(consultOffer);
      assert.notEqual(consult, main);
      assert.match(consultOffer, new RegExp(`^1002#NewInboundCall#5001#callVariable1=123\\|callVariable2=VIP#DialogID:${consult}#CallType:CONSULT#`));
      assert.deepEqual(await gc.request('TransferCall#1001', `5002,${main}`), ['1001#Error#CF_INVALID_OBJECT_STATE'], 'consult not answered yet');
      await answer(gc, '1002', consult);
      assert.match((await gc.take(/^1001#ConsultCall#ACTIVE#/)).body, new RegExp(`AssDialogID:${main}#`));
      assert.deepEqual(sim.dialog(main)?.associatedId, consult);

      const transfer = await gc.request('TransferCall#1001', `5002,${main}`, 3);
      assert.match(transfer[0], new RegExp(`^1001#ConsultCall#DROP#AssDialogID:${main}#`));
      assert.match(transfer[1], new RegExp(`^1001#InboundCall#DROP#DialogID:${main}#`));
      assert.deepEqual(stateOf(transfer[2]), ['READY', '']);
      const transferred = await gc.take(/^1002#InboundCall#/);
      assert.match(transferred.body, new RegExp(`^1002#InboundCall#ACTIVE#DialogID:${consult}#03001234567#callVariable1=123\\|callVariable2=VIP#[^#]+#CallType:TRANSFER#ParticipantsCount:2#participants:5002,ACTIVE,AGENT_DEVICE,,[^|]+\\|03001234567,ACTIVE,,,`));
      assert.equal(sim.dialog(main)?.live, false);

      const released = await gc.request('ReleaseCall#1002', consult, 2);
      assert.match(released[0], new RegExp(`^1002#InboundCall#DROP#DialogID:${consult}#`));
      assert.deepEqual(stateOf(released[1]), ['WORK_READY', '']);
      const timedOut = await gc.take(/^1002#State#READY#/);
      assert.equal(timedOut.correlationId, undefined);
      assert.deepEqual(sim.agent('1002')?.dialogs, []);
    });

    it('rings a READY agent dialled with MakeCall and connects both when it answers; either side can release', async () => {
      await gc.request('MakeNotReady#1001', '');
      const made = await gc.request('MakeCall#1001', '5002', 3);
      const dialogId = dialogIdOf(made[0]);
      assert.match(made[0], /CallType:AGENT_INSIDE#/);
      const offer = await takeOffer(gc, '1002');
      assert.match(offer, new RegExp(`^1002#NewInboundCall#5001##DialogID:${dialogId}#CallType:AGENT_INSIDE#`));
      await gc.take(/^1001#InboundCall#ALERTING#/);
      const answered = await answer(gc, '1002', dialogId);
      assert.match(answered, /ParticipantsCount:2#participants:5001,ACTIVE,AGENT_DEVICE,,[^|]+\|5002,ACTIVE,AGENT_DEVICE,,/);
      const callerSide = await gc.take(/^1001#InboundCall#ACTIVE#/);
      assert.equal(callerSide.correlationId, undefined, 'the other agent\'s event is not part of 1002\'s reply');
      const released = await gc.request('ReleaseCall#1002', dialogId, 2);
      assert.deepEqual(stateOf(released[1]), ['WORK_READY', '']);
      assert.match((await gc.take(/^1001#InboundCall#DROP#/)).body, new RegExp(`DialogID:${dialogId}#`));
      assert.deepEqual(stateOf((await gc.take(/^1001#State#/)).body), ['NOT_READY', '']);
    });

    it('conferences a consulted agent in, tells the supervisor, and keeps the call up when one agent leaves', async () => {
      const main = sim.injectInboundCall('1001', { ani: '0300555' });
      await takeOffer(gc, '1001');
      await answer(gc, '1001', main);
      await gc.request('ConsultCall#1001', `5003,${main}`, 2);
      await gc.take(/^1001#ConsultCall#ALERTING#/);
      const consult = dialogIdOf(await takeOffer(gc, '1003'));
      await answer(gc, '1003', consult);
      await gc.take(/^1001#ConsultCall#ACTIVE#/);
      const conference = await gc.request('Conferencecall#1001', `5003,${main}`, 2);
      assert.match(conference[0], /^1001#ConsultCall#DROP#/);
      assert.match(conference[1], new RegExp(`^1001#InboundCall#ACTIVE#DialogID:${main}#.*#ParticipantsCount:3#participants:0300555,ACTIVE,,,[^|]+\\|5001,ACTIVE,AGENT_DEVICE,,[^|]+\\|5003,ACTIVE,AGENT_DEVICE,,`));
      assert.match((await gc.take(/^1003#InboundCall#DROP#/)).body, new RegExp(`DialogID:${consult}#`));
      assert.match((await gc.take(/^1003#InboundCall#ACTIVE#/)).body, new RegExp(`DialogID:${main}#.*ParticipantsCount:3#`));
      assert.equal((await gc.take(/ConferenceParticipants/)).body, '1004#ConferenceParticipants#0300555,5001,5003');
      await gc.request('ReleaseCall#1001', main, 2);
      assert.match((await gc.take(/^1003#InboundCall#/)).body, /^1003#InboundCall#ACTIVE#.*ParticipantsCount:2#/);
      sim.hangUp(main);
      assert.match((await gc.take(/^1003#InboundCall#/)).body, /^1003#InboundCall#DROP#/);
      assert.deepEqual(stateOf((await gc.take(/^1003#State#/)).body), ['READY', '']);
      assert.deepEqual(await gc.drainBodies(), []);
    });

    it('blind-transfers with Transfer_sst: the agent drops out and the target is offered a TRANSFER call', async () => {
      const main = sim.injectInboundCall('1001', { ani: '0300777', callVariables: { BACampaign: 'Renewals' } });
      await takeOffer(gc, '1001');
      await answer(gc, '1001', main);
      assert.deepEqual(await gc.request('Transfer_sst# 1001', `,${main}`), ['1001#Error#MISSING_NUMBER']);
      assert.deepEqual(await gc.request('Transfer_sst#1001', '5003,'), ['1001#Error#MISSING_DIALOG_ID']);
      const events = await gc.request('Transfer_sst#1001', `5003,${main}`, 2);
      assert.match(events[0], new RegExp(`^1001#InboundCall#DROP#DialogID:${main}#`));
      assert.deepEqual(stateOf(events[1]), ['READY', '']);
      const offer = await takeOffer(gc, '1003');
      assert.match(offer, /^1003#NewInboundCall#0300777#BACampaign=Renewals#DialogID:\d+#CallType:TRANSFER#/);
    });

    it('answers GetDialogState and refuses dialog commands with MISSING_DIALOG_ID, E_CTI_INVALID_CALL_ID, CF_INVALID_OBJECT_STATE', async () => {
      const main = sim.injectInboundCall('1001');
      await takeOffer(gc, '1001');
      assert.deepEqual(await gc.request('GetDialogState#1001', main), [`1001#DialogState#ALERTING#${main}#Sara Khan`]);
      await answer(gc, '1001', main);
      assert.deepEqual(await gc.request('GetDialogState#1001', main), [`1001#DialogState#ACTIVE#${main}#Sara Khan`]);
      assert.deepEqual(await gc.request('GetDialogState#1001', ''), ['1001#Error#MISSING_DIALOG_ID']);
      assert.deepEqual(await gc.request('GetDialogState#1001', '99'), ['1001#Error#E_CTI_INVALID_CALL_ID']);
      assert.deepEqual(await gc.request('ReleaseCall#1002', main), ['1002#Error#E_CTI_INVALID_CALL_ID'], 'not its call');
      assert.deepEqual(await gc.request('AnswerCall#1001', main), ['1001#Error#CF_INVALID_OBJECT_STATE']);
      assert.equal(field((await gc.request('ConsultCall#1001', `5002,${main}`, 2))[1], 1), 'ConsultCall');
      assert.deepEqual(await gc.request('ConsultCall#1001', `5003,${main}`), ['1001#Error#CF_INVALID_OBJECT_STATE'], 'one consult at a time');
    });

    it('merges update_call_variable into the dialog and re-sends InboundCall; malformed lists get INVALID_CALL_DATA', async () => {
      const main = sim.injectInboundCall('1001', { callVariables: { callVariable1: 'a' } });
      await takeOffer(gc, '1001');
      await answer(gc, '1001', main);
      const [updated] = await gc.request('update_call_variable#1001', `${main},callVariable1=b| user.locale=en-us`);
      assert.equal(field(updated, 5), 'callVariable1=b|user.locale=en-us');
      assert.equal(field(updated, 2), 'ACTIVE');
      assert.deepEqual(await gc.request('update_call_variable#1001', ''), ['1001#Error#MISSING_DIALOG_ID']);
      for (const bad of [`${main}`, `${main},novalue`, `${main},=x`, `${main},a=1|b`]) {
        assert.deepEqual(await gc.request('update_call_variable#1001', bad), ['1001#Error#INVALID_CALL_DATA'], bad);
      }
      assert.deepEqual(await gc.request('update_call_variable#1001', '42,a=1'), ['1001#Error#E_CTI_INVALID_CALL_ID']);
    });

    it('stores wrap-up reasons silently, also after the call ended, and schedules callbacks', async () => {
      const main = sim.injectInboundCall('1001');
      await takeOffer(gc, '1001');
      await answer(gc, '1001', main);
      await gc.request('ReleaseCall#1001', main, 2);
      gc.send('wrapup#1001', `Sale,${main}`);
      assert.deepEqual(await gc.drainBodies(), []);
      assert.equal(sim.dialog(main)?.wrapUpReason, 'Sale');
      assert.deepEqual(await gc.request('wrapup#1001', 'Sale,'), ['1001#Error#MISSING_DIALOG_ID']);
      assert.deepEqual(await gc.request('wrapup#1001', `,${main}`), ['1001#Error#INVALID_CALL_DATA']);
      assert.deepEqual(await gc.request('wrapup#1002', `Sale,${main}`), ['1002#Error#E_CTI_INVALID_CALL_ID']);
      assert.deepEqual(await gc.request('SHCEDULECALLBACK#1001', `5001,${main},2030-01-01T10:00,03001234567`), ['1001#CallBack#SCHEDULED']);
      assert.deepEqual(await gc.request('ScheduleCallback#1001', `5001,${main},2030-01-01T10:00,`), ['1001#Error#MISSING_NUMBER']);
      assert.deepEqual(await gc.request('UPDATECALLBACK#1001', `5001,${main},2030-01-02T10:00,03001234567`), ['1001#CallBack#UPDATED']);
      assert.deepEqual(await gc.request('CANCELSHCEDULECALLBACK#1001', `5001,${main}`), ['1001#CallBack#CANCELLED']);
    });

    it('re-sends DialogStatus with the live call on re-login and on failover', async () => {
      const main = sim.injectInboundCall('1001', { ani: '0300999', callVariables: { callVariable1: 'x' } });
      await takeOffer(gc, '1001');
      await answer(gc, '1001', main);
      const again = await gc.request('Login#1001', 'pw1,5001', 2);
      assert.match(again[0], /^1001#State#TALKING#/);
      assert.equal(again[1], `1001#DialogStatus#${main}#ACTIVE#0300999#callVariable1=x####`);
      sim.failover();
      const bodies = await gc.drainBodies();
      assert.ok(bodies.includes(`1001#DialogStatus#${main}#ACTIVE#0300999#callVariable1=x####`));
      assert.ok(bodies.includes('1002#DialogStatus###'));
    });

    it('lets a supervisor monitor silently, barge in, and drop a participant', async () => {
      const main = sim.injectInboundCall('1001', { ani: '0300123' });
      await takeOffer(gc, '1001');
      await answer(gc, '1001', main);
      assert.deepEqual(await gc.request('silentmonitor#1004', '5002'), ['1004#Error#E_CTI_INVALID_CALL_ID'], '1002 is not talking');
      const monitoring = await gc.request('silentmonitor#1004', '5001', 2);
      assert.match(monitoring[0], /^1004#InboundCall#ACTIVE#DialogID:\d+#5001#.*#CallType:SUPERVISOR_MONITOR#ParticipantsCount:2#/);
      assert.deepEqual(stateOf(monitoring[1]), ['TALKING', '']);
      const barge = await gc.request('bargein#1004', `5001,${main}`, 2);
      assert.match(barge[0], /^1004#InboundCall#DROP#/);
      assert.match(barge[1], new RegExp(`^1004#InboundCall#ACTIVE#DialogID:${main}#.*ParticipantsCount:3#`));
      assert.match((await gc.take(/^1001#InboundCall#ACTIVE#/)).body, /ParticipantsCount:3#/);
      const dropped = await gc.request('dropparticipant#1004', `5001,${main}`, 2);
      assert.match(dropped[0], /^1004#InboundCall#ACTIVE#.*ParticipantsCount:2#/);
      assert.equal(dropped[1], '1004#ConferenceParticipants#0300123,5004');
      assert.match((await gc.take(/^1001#InboundCall#/)).body, /^1001#InboundCall#DROP#/);
      assert.deepEqual(stateOf((await gc.take(/^1001#State#/)).body), ['READY', '']);
    });

    it('refuses to offer calls to agents that are not READY, and to hang up unknown dialogs', async () => {
      await gc.request('MakeNotReady#1001', '');
      assert.throws(() => sim.injectInboundCall('1001'), /1001 is NOT_READY/);
      assert.throws(() => sim.injectInboundCall('4242'), /no simulated agent 4242/);
      assert.throws(() => sim.injectInboundCall('1002', { callVariables: { a: 'x#y' } }), /must not contain/);
      assert.throws(() => sim.offerPreview('1001'), /NOT_READY/);
      assert.throws(() => sim.hangUp('123'), /no live dialog 123/);
    });

    it('fails a MakeCall to a number that cannot be dialled with the InboundCall FAILED layout', async () => {
      await gc.request('MakeNotReady#1001', '');
      const [failed] = await gc.request('MakeCall#1001', 'abc');
      assert.match(failed, /^1001#InboundCall#FAILED#DialogID:\d+#CF_INVALID_DESTINATION#Sara Khan$/);
      assert.equal(sim.agent('1001')?.state, 'NOT_READY');
    });
  });

  it('uses the document layouts when asked: values-only call variables and no agent prefix on call events', async () => {
    sim = await fx.sim({ callVariableFormat: 'values', omitAgentPrefixOnCallEvents: true });
    gc = await fx.client(sim);
    await ready(gc, '1001', 'pw1', '5001');
    const main = sim.injectInboundCall('1001', { ani: '0300', callVariables: { callVariable1: 'a', callVariable2: 'b' } });
    assert.match((await gc.take(/NewInboundCall/)).body, new RegExp(`^NewInboundCall#0300#a,b#DialogID:${main}#CallType:ACD_IN#`));
    await gc.take(/^1001#State#RESERVED#/);
    assert.match((await gc.take(/InboundCall#ALERTING/)).body, new RegExp(`^InboundCall#ALERTING#DialogID:${main}#0300#a,b#`));
    const [active] = await gc.request('AnswerCall#1001', main, 2);
    assert.match(active, /^InboundCall#ACTIVE#/);
  });
});
