/** The simulator's view of agents and dialogs (Finesse's User and Dialog objects, as far as GC exposes them). */
import { gcNow } from './gc-time';
import { SimAgent, SimTeam, WrapUpMode } from './options';

/** States in which the agent is tied to a call; leaving them goes through the after-call rules of §4.9. */
export const CALL_STATES: ReadonlySet<string> = new Set(['RESERVED', 'RESERVED_OUTBOUND', 'RESERVED_OUTBOUND_PREVIEW', 'TALKING', 'HOLD']);

export interface AgentRecord {
  readonly id: string;
  readonly password: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly fullName: string;
  readonly loginName: string;
  readonly teamId: string;
  readonly teamName: string;
  readonly supervisor: boolean;
  readonly supervisedTeams: readonly SimTeam[];
  readonly wrapUpMode: WrapUpMode;
  /** Client destination bound by the latest Connect, as sent, and as a STOMP destination. */
  destinationName?: string;
  topic?: string;
  /** AgentInfo goes out on the first Login after a Connect only. */
  infoSent: boolean;
  loggedIn: boolean;
  extension: string;
  state: string;
  reasonCode: string;
  reasonLabel: string;
  pendingState: string;
  pendingReason: string;
  pendingLabel: string;
  changedText: string;
  changedIso: string;
  /** Where the agent goes after a call when nothing is pending: the state held before the call began. */
  returnState: 'READY' | 'NOT_READY';
  returnReason: string;
  returnLabel: string;
  /** What the wrap-up timer leads to (WORK -> NOT_READY with this reason). */
  wrapUpExitReason: string;
  wrapUpExitLabel: string;
  wrapUpTimer?: NodeJS.Timeout;
  dialogs: string[];
}

export type ParticipantRole = 'caller' | 'callee' | 'customer' | 'far' | 'consulter' | 'previewee' | 'monitor' | 'barger';

export interface Participant {
  address: string;
  agentId?: string;
  /** The state this participant's InboundCall events report (ALERTING, ACTIVE, HELD, ...). */
  state: string;
  role: ParticipantRole;
  since: string;
}

export type DialogKind = 'call' | 'consult' | 'preview' | 'monitor';

export interface Dialog {
  readonly id: string;
  kind: DialogKind;
  fromAddress: string;
  toAddress: string;
  callType: string;
  variables: [string, string][];
  startTime: string;
  /** The Finesse Dialog state (DialogState event). */
  state: string;
  participants: Participant[];
  /** Consult dialog <-> main dialog, monitor dialog -> monitored dialog. */
  associatedId?: string;
  /** Every agent that took part, so wrap-up data can still be set after the call ended. */
  agentIds: Set<string>;
  timer?: NodeJS.Timeout;
  /** Epoch ms the call was first connected; handle-time statistics. */
  answeredAt?: number;
  wrapUpReason?: string;
}

export function newAgentRecord(config: SimAgent): AgentRecord {
  const firstName = config.firstName ?? 'Agent';
  const lastName = config.lastName ?? config.id;
  const teamId = config.teamId ?? '1';
  const teamName = config.teamName ?? `Team ${teamId}`;
  const record: AgentRecord = {
    id: config.id,
    password: config.password,
    firstName,
    lastName,
    fullName: `${firstName} ${lastName}`.trim(),
    loginName: config.loginName ?? config.id,
    teamId,
    teamName,
    supervisor: config.supervisor ?? false,
    supervisedTeams: config.supervisedTeams ?? [{ id: teamId, name: teamName }],
    wrapUpMode: config.wrapUpMode ?? 'OPTIONAL',
    infoSent: false,
    loggedIn: false,
    extension: '',
    state: 'LOGOUT',
    reasonCode: '-1',
    reasonLabel: '',
    pendingState: '',
    pendingReason: '',
    pendingLabel: '',
    changedText: '',
    changedIso: '',
    returnState: 'NOT_READY',
    returnReason: '-1',
    returnLabel: '',
    wrapUpExitReason: '-1',
    wrapUpExitLabel: '',
    dialogs: [],
  };
  stampChange(record);
  return record;
}

export function stampChange(agent: AgentRecord): void {
  const now = gcNow();
  agent.changedText = now.text;
  agent.changedIso = now.iso;
}

export function participantOf(dialog: Dialog, agentId: string): Participant | undefined {
  for (const p of dialog.participants) if (p.agentId === agentId) return p;
  return undefined;
}
