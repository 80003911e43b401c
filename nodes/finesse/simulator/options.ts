/** Options of the Generic Connector simulator, their defaults and their validation. */

export type WrapUpMode = 'REQUIRED' | 'OPTIONAL' | 'NOT_ALLOWED' | 'REQUIRED_WITH_WRAP_UP_DATA';
export type FinesseFlavor = 'UCCE' | 'UCCX';

export interface SimTeam {
  id: string;
  name: string;
}

export interface SimAgent {
  id: string;
  password: string;
  firstName?: string;
  lastName?: string;
  loginName?: string;
  teamId?: string;
  /** Name of the agent's own team (TeamInfoNames, phonebooks); default `Team <teamId>`. */
  teamName?: string;
  supervisor?: boolean;
  /** Teams a supervisor supervises (AgentInfo supervisor form, TeamInfoIDs/Names); default the own team. */
  supervisedTeams?: SimTeam[];
  wrapUpMode?: WrapUpMode;
}

export interface SimReasonCode {
  code: string;
  label: string;
}

export interface SimReasonCodes {
  notReady: SimReasonCode[];
  logout: SimReasonCode[];
  wrapUp: string[];
}

export interface GcSimulatorOptions {
  stomp: { host: string; port: number; login?: string; passcode?: string };
  /** Default 'Connector1' (STOMP destination /queue/<name>). */
  commandQueue?: string;
  agents: SimAgent[];
  /** Valid logon devices; default: any all-digit extension. */
  extensions?: string[];
  /** Default UCCE. */
  flavor?: FinesseFlavor;
  /** Default 'pairs' (what a real GC sends); 'values' is the document's layout. */
  callVariableFormat?: 'pairs' | 'values';
  /** Doc-literal call event layouts without the `<agent>#` prefix; default false. */
  omitAgentPrefixOnCallEvents?: boolean;
  /** Default true; false = only the first event of a reply carries the correlation-id. */
  correlateAllEvents?: boolean;
  /** Default 'errorFirst': SESSION_INVALIDATED, then State LOGOUT, to the old destination. */
  sessionInvalidatedOrder?: 'errorFirst' | 'logoutFirst';
  /** Default 'connect': only Connect makes a destination known to Beat. */
  registerDestinationOn?: 'hello' | 'connect';
  /** Outbound: INITIATED -> ALERTING delay (default 50). */
  ringMs?: number;
  /** Outbound: the far end answers this long after ALERTING (default 100). */
  answerMs?: number;
  /** Wrap-up timer (default 5000). */
  wrapUpMs?: number;
  /** Simultaneously logged-in agents allowed; default unlimited. */
  maxLicenses?: number;
  reasonCodes?: SimReasonCodes;
  log?: (line: string) => void;
}

export interface ResolvedOptions {
  stomp: GcSimulatorOptions['stomp'];
  commandQueue: string;
  agents: SimAgent[];
  extensions?: ReadonlySet<string>;
  flavor: FinesseFlavor;
  callVariableFormat: 'pairs' | 'values';
  omitAgentPrefixOnCallEvents: boolean;
  correlateAllEvents: boolean;
  sessionInvalidatedOrder: 'errorFirst' | 'logoutFirst';
  registerDestinationOn: 'hello' | 'connect';
  ringMs: number;
  answerMs: number;
  wrapUpMs: number;
  maxLicenses: number;
  reasonCodes: SimReasonCodes;
  log: (line: string) => void;
}

export const DEFAULT_REASON_CODES: SimReasonCodes = {
  notReady: [
    { code: '1', label: 'Break' },
    { code: '2', label: 'Lunch' },
    { code: '3', label: 'Meeting' },
    { code: '4', label: 'Training' },
  ],
  logout: [
    { code: '10', label: 'End of shift' },
    { code: '11', label: 'Personal' },
  ],
  wrapUp: ['Sale', 'No sale', 'Callback requested', 'Information given'],
};

const WRAP_UP_MODES: readonly string[] = ['REQUIRED', 'OPTIONAL', 'NOT_ALLOWED', 'REQUIRED_WITH_WRAP_UP_DATA'];
/** Characters that would break the GC wire format if they appeared inside a field. */
const FIELD_BREAKERS = /[#,|]/;

export function resolveOptions(options: GcSimulatorOptions): ResolvedOptions {
  const { stomp } = options;
  if (!stomp || typeof stomp.host !== 'string' || stomp.host === '' || !Number.isInteger(stomp.port)) {
    throw new RangeError('stomp needs a host and an integer port');
  }
  const commandQueue = options.commandQueue ?? 'Connector1';
  if (!/^[A-Za-z0-9_.-]+$/.test(commandQueue)) throw new RangeError('commandQueue must be a plain queue name');
  validateAgents(options.agents);
  const extensions = options.extensions === undefined ? undefined : new Set(options.extensions);
  for (const ext of extensions ?? []) if (!/^[0-9]+$/.test(ext)) throw new RangeError(`extension ${ext} is not all digits`);
  return {
    stomp,
    commandQueue,
    agents: options.agents,
    extensions,
    flavor: oneOf('flavor', options.flavor ?? 'UCCE', ['UCCE', 'UCCX']),
    callVariableFormat: oneOf('callVariableFormat', options.callVariableFormat ?? 'pairs', ['pairs', 'values']),
    omitAgentPrefixOnCallEvents: options.omitAgentPrefixOnCallEvents ?? false,
    correlateAllEvents: options.correlateAllEvents ?? true,
    sessionInvalidatedOrder: oneOf('sessionInvalidatedOrder', options.sessionInvalidatedOrder ?? 'errorFirst', ['errorFirst', 'logoutFirst']),
    registerDestinationOn: oneOf('registerDestinationOn', options.registerDestinationOn ?? 'connect', ['hello', 'connect']),
    ringMs: delay('ringMs', options.ringMs ?? 50),
    answerMs: delay('answerMs', options.answerMs ?? 100),
    wrapUpMs: delay('wrapUpMs', options.wrapUpMs ?? 5000),
    maxLicenses: options.maxLicenses ?? Infinity,
    reasonCodes: options.reasonCodes ?? DEFAULT_REASON_CODES,
    log: options.log ?? (() => undefined),
  };
}

function validateAgents(agents: SimAgent[]): void {
  if (!Array.isArray(agents)) throw new RangeError('agents must be a list');
  const seen = new Set<string>();
  for (const agent of agents) {
    if (typeof agent.id !== 'string' || agent.id.trim() === '' || agent.id !== agent.id.trim() || FIELD_BREAKERS.test(agent.id)) {
      throw new RangeError(`agent id ${JSON.stringify(agent.id)} must be non-empty, without blanks at the ends, '#', ',' or '|'`);
    }
    if (seen.has(agent.id)) throw new RangeError(`agent ${agent.id} is listed twice`);
    seen.add(agent.id);
    if (typeof agent.password !== 'string') throw new RangeError(`agent ${agent.id} needs a password`);
    if (agent.wrapUpMode !== undefined && !WRAP_UP_MODES.includes(agent.wrapUpMode)) {
      throw new RangeError(`agent ${agent.id}: unknown wrapUpMode ${agent.wrapUpMode}`);
    }
    for (const text of [agent.firstName, agent.lastName, agent.loginName, agent.teamId, agent.teamName]) {
      if (text !== undefined && text.includes('#')) throw new RangeError(`agent ${agent.id}: names and team must not contain '#'`);
    }
  }
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new RangeError(`${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

function delay(name: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`${name} must be a non-negative number of ms`);
  return value;
}
