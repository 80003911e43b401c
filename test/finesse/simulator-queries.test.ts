import assert from 'node:assert/strict';
import { logIn, SimFixture } from './simulator-harness';

describe('GC simulator: reason codes, lists, queues and phonebooks', function () {
  this.timeout(20000);
  const fx = new SimFixture();
  afterEach(() => fx.cleanup());

  it('lists the configured reason codes per category, wrap-up reasons as labels only', async () => {
    const sim = await fx.sim({
      reasonCodes: { notReady: [{ code: '21', label: 'Break' }, { code: '22', label: 'Coaching' }], logout: [{ code: '30', label: 'Home' }], wrapUp: ['Sale', 'No sale'] },
    });
    const gc = await fx.client(sim);
    await logIn(gc, '1001', 'pw1', '5001');
    assert.deepEqual(await gc.request('reasoncodenotready#1001', ''), ['1001#ReasonCodes#Category:NOT_READY#21,22#Labels:Break,Coaching#Sara Khan']);
    assert.deepEqual(await gc.request('reasoncodelogout#1001', ''), ['1001#ReasonCodes#Category:LOGOUT#30#Labels:Home#Sara Khan']);
    assert.deepEqual(await gc.request('wrapupreasoncode#1001', ''), ['1001#ReasonCodes#Category:WRAP_UP##Labels:Sale,No sale#Sara Khan']);
    const [coaching] = await gc.request('MakeNotReadyWithReason#1001', '22');
    assert.equal(coaching.split('#')[10], 'Coaching');
  });

  it('lists logged-in agents, team users, and a team member\'s state for the supervisor', async () => {
    const sim = await fx.sim();
    const gc = await fx.client(sim);
    await logIn(gc, '1001', 'pw1', '5001');
    await logIn(gc, '1004', 'pw4', '5004');
    await gc.drain();
    await gc.request('MakeReady#1001', '');
    assert.deepEqual(await gc.request('getallagents##1004', ''), [
      '1004#AgentsList#LoginId=1001,Name=Sara Khan Extension=5001,State=READY,Team=5000|LoginId=1004,Name=Ravi Patel Extension=5004,State=NOT_READY,Team=5000',
    ]);
    const [team] = await gc.request('getteamusers#1004', '5000,true');
    const users = team.split('#')[2].split('|');
    assert.equal(users.length, 4);
    assert.match(users[0], /^FirstName:Sara,LastName:Khan,Extension:5001,LoginID:1001,State:READY,PendingState:,MediaType:voice,StateChangeTime:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,StateChangeLabel:$/);
    assert.match(users[1], /^FirstName:Omar,LastName:Farooq,Extension:,LoginID:1002,State:LOGOUT,/);
    assert.deepEqual(await gc.request('getteamusers#1004', '7777,false'), ['1004#TeamUsersList#']);
    assert.match((await gc.request('getteamuserstate#1004', '1001'))[0], /^1001#State#READY#/);
    assert.deepEqual(await gc.request('getteamuserstate#1004', '4242'), ['1004#Error#USER_NOT_FOUND']);
  });

  it('reports queue figures in the UCCE layout and the UCCX one', async () => {
    for (const flavor of ['UCCE', 'UCCX'] as const) {
      const sim = await fx.sim({ flavor });
      const gc = await fx.client(sim);
      await logIn(gc, '1001', 'pw1', '5001');
      await logIn(gc, '1002', 'pw2', '5002');
      await gc.request('MakeReady#1001', '');
      sim.hangUp(sim.injectInboundCall('1001'));
      const [queues] = await gc.request('getqueuelist#1001', '');
      assert.equal(queues, flavor === 'UCCE'
        ? '1001#QueueList#QueueName:Default,CallsInQueue:0,AgentsReady:1,AgentsNotReady:1,AgentsTalkingInbound:0,AgentsTalkingOutbound:0,AgentsTalkingInternal:0,AgentsWrapUpReady:0,AgentsWrapUpNotReady:0#Sara Khan'
        : '1001#QueueList#QueueName:Default,WaitingCalls:0,AgentsLoggedIn:2,AgentsInAfterCallWork:0,AgentsTalking:0,AgentsReserved:0,HandledCalls:0,AbandonedCalls:1,TotalCalls:1,LongestHandleTime:0#Sara Khan');
    }
  });

  it('serves phonebooks and contacts, with the documented not-found sentinels', async () => {
    const sim = await fx.sim({ agents: [{ id: '1001', password: 'pw1', firstName: 'Sara', lastName: 'Khan', teamId: '1' }, { id: '1002', password: 'pw2', teamId: '9' }] });
    const gc = await fx.client(sim);
    await logIn(gc, '1001', 'pw1', '5001');
    await logIn(gc, '1002', 'pw2', '5002');
    assert.deepEqual(await gc.request('getphonebooks#1001', ''), ['1001#Phonebooks#name:Global,type:GLOBAL,id:1|name:Team 1 contacts,type:TEAM,id:2']);
    assert.deepEqual(await gc.request('Get_Phonebook_Contacts#1001', '2'), ['1001#PhonebookContacts#description:Escalations,firstName:Team,lastName:Lead,phoneNumber:5004,id:201']);
    assert.deepEqual(await gc.request('getphonebookcontacts#1001', '77'), ['1001#PhonebookContacts#NoContactFound']);
    assert.deepEqual(await gc.request('getteamphonebooks#1001', ''), ['1001#TeamPhoneBooks#name:Team 1 contacts,type:TEAM,id:2']);
    assert.deepEqual(await gc.request('getteamphonebooks#1002', ''), ['1002#TeamPhoneBooks#NoTeamPhoneBookFound']);
  });

  it('sends nothing for the commands whose reply event the document does not name', async () => {
    const sim = await fx.sim();
    const gc = await fx.client(sim);
    await logIn(gc, '1001', 'pw1', '5001');
    gc.send('GETSKILLGROPU#1001');
    gc.send('GETSUPERVISOR#1001');
    assert.deepEqual(await gc.drainBodies(), []);
  });
});
