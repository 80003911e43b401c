import type { NodeDefinition, NodeRedNode } from '../shared/node/node-red';
import type { AgentCredentials } from './client/agent-login';
import type { AgentLogin } from './client/agent-login';
import type { FinesseGcNode } from './gc-node';

export interface FinesseAgentDefinition extends NodeDefinition {
  gc: string;
  agentId: string;
  extension: string;
  autoLogin: boolean;
  /** Mobile agent: the number GC dials to reach the agent; empty = a desk phone on the extension. */
  dialNumber?: string;
  /** Mobile agent connection mode. */
  mobileMode?: 'callByCall' | 'nailed' | '';
}

export const FINESSE_AGENT_CREDENTIALS = {
  password: { type: 'password' },
} as const;

/** What cc-finesse-command sees of a cc-finesse-agent. */
export interface FinesseAgentNode extends NodeRedNode {
  readonly agentId: string;
  readonly gcNode: FinesseGcNode | undefined;
  /** The login keeper, while the GC session runs. */
  readonly login: AgentLogin | undefined;
  /** The login arguments this node sets for its own agent (password, extension, dial number), by argument name. */
  loginArguments(): Record<string, string>;
}

export class AgentSettingsError extends Error {}

export function agentCredentials(config: FinesseAgentDefinition, credentials: Record<string, string | undefined>): AgentCredentials {
  const agentId = String(config.agentId ?? '').trim();
  if (!/^[^#,\s]+$/.test(agentId)) throw new AgentSettingsError(agentId ? `agent id "${agentId}" may not hold '#', ',' or blanks` : 'no agent login id set');
  const extension = String(config.extension ?? '').trim();
  if (/[#,\s]/.test(extension)) throw new AgentSettingsError(`extension "${extension}" may not hold '#', ',' or blanks`);
  const password = credentials.password ?? '';
  if (/[#,]/.test(password)) throw new AgentSettingsError(`the password of agent ${agentId} holds '#' or ',', which GC's command format cannot carry`);
  const dialNumber = String(config.dialNumber ?? '').trim();
  if (/[#,\s]/.test(dialNumber)) throw new AgentSettingsError(`dial number "${dialNumber}" may not hold '#', ',' or blanks`);
  return {
    agentId,
    password,
    extension,
    dialNumber: dialNumber || undefined,
    callByCall: config.mobileMode !== 'nailed',
  };
}

/** The arguments of Connect, Login and MobileAgentLogin an agent node sets for its own agent. */
export function loginArguments(agent: AgentCredentials): Record<string, string> {
  return {
    agent_password: agent.password,
    ...(agent.extension ? { agent_extension: agent.extension } : {}),
    ...(agent.dialNumber ? { dial_number: agent.dialNumber, connection_mode: String(agent.callByCall !== false) } : {}),
  };
}
