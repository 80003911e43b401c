import { agentExtension, agentPassword, optional, reasonCode, required } from './arguments';
import type { FinesseCommand } from './types';

/** Digest §3.1 and §3.2: the handshake, the agent session, and agent state (rows 1–13). */
export const SESSION_COMMANDS: FinesseCommand[] = [
  {
    name: 'Hello',
    type: 'Hello',
    target: 'destination',
    args: [],
    expectsReply: true,
    replyTypes: ['IN_SERVICE', 'OUT_OF_SERVICE'],
    group: 'system',
    documented: true,
    description: 'Handshake: announce the client destination; GC answers IN_SERVICE or OUT_OF_SERVICE (no answer: GC unreachable)',
  },
  {
    name: 'Connect',
    type: 'Connect',
    target: 'agent',
    args: [
      required('client_destination', 'Client destination (the topic named in Hello)'),
      agentPassword,
      optional('sso', 'SSO (only for SSO-enabled users)'),
    ],
    expectsReply: false,
    replyTypes: [],
    secretArgs: ['agent_password', 'sso'],
    group: 'session',
    documented: true,
    description: 'Subscribe the agent to Finesse notifications; success sends nothing, so send Login right after',
  },
  {
    name: 'Login',
    type: 'Login',
    target: 'agent',
    args: [agentPassword, agentExtension],
    expectsReply: true,
    replyTypes: ['AgentInfo', 'State', 'DialogStatus', 'TeamInfoIDs', 'TeamInfoNames'],
    secretArgs: ['agent_password'],
    group: 'session',
    documented: true,
    description: 'Log the agent in to Finesse on an extension; answers AgentInfo, State and DialogStatus',
  },
  {
    name: 'MobileAgentLogin',
    type: 'MOBILEAGENTLOGIN',
    target: 'agent',
    args: [
      agentPassword,
      agentExtension,
      required('dial_number', 'Dial number (the phone the system calls to reach the agent)'),
      required('connection_mode', 'Connection mode: true = call by call, false = nailed connection'),
    ],
    expectsReply: true,
    replyTypes: ['AgentInfo', 'State', 'DialogStatus', 'TeamInfoIDs', 'TeamInfoNames'],
    secretArgs: ['agent_password'],
    group: 'session',
    documented: true,
    description: 'Log a mobile agent in (UCCE); answers like Login',
  },
  {
    name: 'Beat',
    type: 'Beat',
    target: 'destination',
    args: [],
    expectsReply: true,
    replyTypes: ['IN_SERVICE', 'OUT_OF_SERVICE', 'RECONNECT'],
    group: 'system',
    documented: true,
    aliases: ['Heartbeat', 'Heartbeats'],
    description: 'Heartbeat: GC answers IN_SERVICE / OUT_OF_SERVICE, or RECONNECT when it does not know the destination',
  },
  stateCommand('Logout', [], 'Log the agent out (supervisor command; allowed from NOT_READY only)'),
  {
    ...stateCommand('LogoutWithReason', [reasonCode('Logout reason code (defined in Finesse)')], 'Log the agent out with a logout reason code'),
    type: 'logoutwithreason',
  },
  stateCommand('GetState', [], "Ask for the agent's current State (State RE_LOGIN when GC does not know the agent)"),
  stateCommand('MakeNotReady', [], 'Set the agent NOT_READY (supervisor command)'),
  stateCommand('MakeNotReadyWithReason', [reasonCode('Not-ready reason code (defined in Finesse)')], 'Set the agent NOT_READY with a reason'),
  stateCommand('MakeReady', [], 'Set the agent READY'),
  stateCommand('MakeWorkReady', [], 'Set the agent WORK_READY (wrap-up must be enabled)'),
  {
    ...stateCommand('MakeWorkNotReady', [], 'Set the agent WORK (wrap-up, then NOT_READY; wrap-up must be enabled)'),
    documented: false,
    caveat: 'The document prints MakeReady# here, a copy of MakeReady that would make the agent READY (§8 Q1); '
      + 'MakeWorkNotReady# is sent instead. Use raw mode to send another type.',
  },
];

function stateCommand(name: string, args: FinesseCommand['args'], description: string): FinesseCommand {
  return { name, type: name, target: 'agent', args, expectsReply: true, replyTypes: ['State'], group: 'state', documented: true, description };
}
