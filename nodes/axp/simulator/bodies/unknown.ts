/** A body whose `event` the document does not define: clients must pass it through, flagged as unknown. */
import { Body, BodyFactory } from '../body-factory';
import { UNKNOWN_EVENT_NAME } from '../event-names';
import { AgentProfile } from '../world';

export function unknownEvent(f: BodyFactory, agent: AgentProfile): Body {
  return f.event(UNKNOWN_EVENT_NAME, { agentId: agent.agentId, channelId: 'Voice', capacity: 2 });
}
