/**
 * The envelope's login-id fields, derived from the body and the roster (digest §5): loginId on agent-bound events,
 * initiating/destination ids on transfers, and the supervision pairs on AgentParticipant OBSERVING/COACHING/BARGEDIN.
 */
import { AxpSimAgent } from './options';

const AGENT_BOUND = new Set(['AgentState', 'AgentParticipant', 'ChannelReady', 'AfterContactWorkActivated', 'AfterContactWorkCompleted', 'OutboundEngagementCreated']);

const SUPERVISION_FIELDS: Record<string, [envelopeField: string, bodyField: string][]> = {
  OBSERVING: [['observedLoginId', 'observedAgentId'], ['observingLoginId', 'observingAgentId']],
  COACHING: [['coachedLoginId', 'coachedAgentId'], ['coachingLoginId', 'coachingAgentId']],
  BARGEDIN: [['bargingLoginId', 'bargingAgentId']],
};

export function loginFields(body: Record<string, unknown>, agents: ReadonlyMap<string, AxpSimAgent>): Record<string, string> {
  const fields: Record<string, string> = {};
  const put = (envelopeField: string, agentId: unknown): void => {
    const agent = typeof agentId === 'string' ? agents.get(agentId) : undefined;
    if (agent) fields[envelopeField] = agent.loginId;
  };
  const event = body.event;
  if (typeof event !== 'string') return fields;
  if (AGENT_BOUND.has(event)) put('loginId', body.agentId);
  if (event === 'AgentParticipant' && typeof body.action === 'string') {
    for (const [envelopeField, bodyField] of SUPERVISION_FIELDS[body.action] ?? []) put(envelopeField, body[bodyField]);
  }
  if (event === 'SingleStepTransfer' || event === 'SingleStepTransferError') {
    put('initiatingLoginId', body.initiatingAgentId);
    if (body.transferTo === 'USER') put('destinationLoginId', body.destination);
  }
  return fields;
}
