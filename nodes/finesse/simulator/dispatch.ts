/** Routes one command to its handler, in the order a GC checks things (digest §6.1-§6.3). */
import { errorEvent, reLoginEvent } from './agent-format';
import * as calls from './call-commands';
import { GcCommand, ParsedType } from './command-table';
import { CommandCall, fail, SimContext } from './context';
import { Faults } from './faults';
import { AgentRecord } from './model';
import * as outbound from './outbound-commands';
import * as queries from './query-commands';
import { Reply, topicOf } from './reply';
import * as session from './session-commands';
import * as states from './state-commands';
import * as supervisor from './supervisor-commands';
import * as transfers from './transfer-commands';

type AgentHandler = (sim: SimContext, cmd: CommandCall, agent: AgentRecord) => void;

const AGENT_HANDLERS: Record<Exclude<GcCommand, 'Hello' | 'Beat' | 'Connect'>, AgentHandler> = {
  Login: session.login,
  MOBILEAGENTLOGIN: session.mobileAgentLogin,
  Logout: session.logout,
  logoutwithreason: session.logoutWithReason,
  GetState: states.getState,
  MakeNotReady: states.makeNotReady,
  MakeNotReadyWithReason: states.makeNotReadyWithReason,
  MakeReady: states.makeReady,
  MakeWorkReady: states.makeWorkReady,
  MakeWorkNotReady: states.makeWorkNotReady,
  MakeCall: calls.makeCall,
  AnswerCall: calls.answerCall,
  ReleaseCall: calls.releaseCall,
  HoldCall: calls.holdCall,
  RetrieveCall: calls.retrieveCall,
  Transfer_sst: transfers.transferSst,
  ConsultCall: transfers.consultCall,
  TransferCall: transfers.transferCall,
  Conferencecall: transfers.conferenceCall,
  GetDialogState: calls.getDialogState,
  reasoncodelogout: queries.reasonCodeLogout,
  reasoncodenotready: queries.reasonCodeNotReady,
  wrapupreasoncode: queries.wrapUpReasonCode,
  wrapup: calls.wrapup,
  update_call_variable: calls.updateCallVariable,
  getallagents: queries.getAllAgents,
  getphonebooks: queries.getPhonebooks,
  getphonebookcontacts: queries.getPhonebookContacts,
  getteamphonebooks: queries.getTeamPhonebooks,
  getqueuelist: queries.getQueueList,
  silentmonitor: supervisor.silentMonitor,
  endsilentmonitor: supervisor.endSilentMonitor,
  dropparticipant: supervisor.dropParticipant,
  getteamusers: queries.getTeamUsers,
  bargein: supervisor.bargeIn,
  getteamuserstate: queries.getTeamUserState,
  AcceptOutboundPreview: outbound.acceptOutboundPreview,
  RejectOutboundPreview: outbound.rejectOutboundPreview,
  CloseOutboundPreview: outbound.rejectOutboundPreview,
  GETSKILLGROPU: queries.undocumentedReply,
  GETSUPERVISOR: queries.undocumentedReply,
  SHCEDULECALLBACK: outbound.scheduleCallback,
  UPDATECALLBACK: outbound.updateCallback,
  CANCELSHCEDULECALLBACK: outbound.cancelCallback,
  RECLASSIFYCALL: outbound.reclassifyCall,
};

const DESTINATION_COMMANDS: ReadonlySet<string> = new Set(['Hello', 'Beat']);

export function dispatch(sim: SimContext, faults: Faults, parsed: ParsedType, headers: Record<string, string>, body: string): void {
  const { target } = parsed;
  if (target === '') {
    sim.log(`"${parsed.spelling}" names no agent or destination after '#'; dropped`);
    return;
  }
  const destinationCommand = parsed.command !== undefined && DESTINATION_COMMANDS.has(parsed.command);
  if (!sim.inService && !destinationCommand) {
    sim.log(`${parsed.spelling}#${target} ignored: out of service`);
    return;
  }
  const replyTo = headers['reply-to'] || undefined;
  const reply = new Reply(sim.outbox, headers['correlation-id'] || undefined, target, sim.opts.correlateAllEvents);
  const cmd: CommandCall = { command: parsed.command ?? parsed.spelling, target, body, args: body.split(','), replyTo, reply };
  const agent = sim.registry.agents.get(target);
  const bound = agent?.topic === undefined ? undefined : agent;

  const injected = faults.take(parsed);
  if (injected !== undefined) {
    const connectTo = parsed.command === 'Connect' && cmd.args[0].trim() !== '' ? topicOf(cmd.args[0].trim()) : undefined;
    const to = destinationCommand ? topicOf(target) : bound?.topic ?? connectTo ?? replyTo;
    if (to !== undefined) reply.answer(to, errorEvent(target, injected));
    return;
  }
  switch (parsed.command) {
    case 'Hello':
      return session.hello(sim, cmd);
    case 'Beat':
      return session.beat(sim, cmd);
    case undefined:
      return fail(sim, cmd, bound, 'PLEASE_RETRY');
    case 'Connect':
      return session.connect(sim, cmd, agent);
  }
  if (!bound) {
    // GC does not know the agent (never connected, or GC restarted): it can only answer where the command said to.
    if (replyTo !== undefined) reply.answer(replyTo, reLoginEvent(target));
    else sim.log(`${cmd.command}#${target}: unknown agent and no reply-to; dropped`);
    return;
  }
  AGENT_HANDLERS[parsed.command](sim, cmd, bound);
}
