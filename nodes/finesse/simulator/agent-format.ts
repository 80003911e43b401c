/**
 * Event bodies about the GC link and about agents, formatted exactly per the document's layouts (digest §4.1-§4.4).
 * The simulator is an independent oracle: it never borrows the project's event parser or command encoder.
 */
import { AgentRecord } from './model';

export const systemEvent = (inService: boolean): string => (inService ? 'System#IN_SERVICE' : 'System#OUT_OF_SERVICE');

export const destinationReconnectEvent = (destination: string): string => `DESTINATION#${destination}#RECONNECT`;

export const errorEvent = (errorFor: string, error: string): string => `${errorFor}#Error#${error}`;

export const reLoginEvent = (agentId: string): string => `${agentId}#State#RE_LOGIN`;

/** The full 13-field State layout. */
export function stateEvent(a: AgentRecord): string {
  return `${a.id}#State#${a.state}#${a.reasonCode}#${a.changedText}#${a.pendingState}#${a.changedIso}#${a.fullName}#${a.id}#${a.extension}#${a.reasonLabel}#${a.fullName}#${a.loginName}`;
}

/** Agent form, or the supervisor form with `TotalNumberOfTeams:` and the `|`-separated team list. */
export function agentInfoEvent(a: AgentRecord): string {
  const head = `${a.id}#AgentInfo#${a.firstName}#${a.lastName}#${a.supervisor ? 'true' : 'false'}#${a.wrapUpMode}`;
  const tail = `${a.teamId}#${a.fullName}#${a.loginName}`;
  if (!a.supervisor) return `${head}#${tail}`;
  // The document prints `<team_1_id><team_1_name>` with no visible separator; a comma keeps the pair readable.
  const teams = a.supervisedTeams.map((t) => `${t.id},${t.name}`).join('|');
  return `${head}#TotalNumberOfTeams:${a.supervisedTeams.length}#${teams}#${tail}`;
}

export function teamInfoIdsEvent(a: AgentRecord): string {
  return `${a.id}#TeamInfoIDs#TeamID#${a.supervisedTeams.map((t) => t.id).join(',')}#${a.fullName}`;
}

export function teamInfoNamesEvent(a: AgentRecord): string {
  return `${a.id}#TeamInfoNames#TeamName#${a.supervisedTeams.map((t) => t.name).join(',')}#${a.fullName}`;
}

export function reasonCodesEvent(a: AgentRecord, category: string, codes: readonly string[], labels: readonly string[]): string {
  return `${a.id}#ReasonCodes#Category:${category}#${codes.join(',')}#Labels:${labels.join(',')}#${a.fullName}`;
}

export const controlEvent = (agentId: string, text: string): string => `${agentId}#Control#PrintStatusBar#${text}`;
