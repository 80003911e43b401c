/**
 * List events whose layouts the document lost or cut off (digest §4.7). Where the document prints a layout it is
 * followed; the rest uses `key:value` items joined by '|', which the digest's parsing advice reads.
 */
import { AgentRecord } from './model';

export interface SimPhonebook {
  id: string;
  name: string;
  type: 'GLOBAL' | 'TEAM';
  teamId?: string;
  contacts: { id: string; firstName: string; lastName: string; phoneNumber: string; description: string }[];
}

export interface QueueFigures {
  name: string;
  waiting: number;
  ready: number;
  notReady: number;
  talking: number;
  reserved: number;
  workReady: number;
  workNotReady: number;
  loggedIn: number;
  handled: number;
  abandoned: number;
  total: number;
  longestHandleSeconds: number;
}

/** `LoginId=..,Name=.. Extension=..,State=..,Team=..` per agent: the blank before Extension is the document's. */
export function agentsListEvent(requester: string, agents: readonly AgentRecord[]): string {
  const items = agents.map((a) => `LoginId=${a.id},Name=${a.fullName} Extension=${a.extension},State=${a.state},Team=${a.teamId}`);
  return `${requester}#AgentsList#${items.join('|')}`;
}

export function teamUsersListEvent(requester: string, members: readonly AgentRecord[]): string {
  const items = members.map((a) => [
    `FirstName:${a.firstName}`, `LastName:${a.lastName}`, `Extension:${a.extension}`, `LoginID:${a.id}`, `State:${a.state}`,
    `PendingState:${a.pendingState}`, 'MediaType:voice', `StateChangeTime:${a.changedText}`, `StateChangeLabel:${a.reasonLabel}`,
  ].join(','));
  return `${requester}#TeamUsersList#${items.join('|')}`;
}

/** UCCE fields per queue, or the UCCX CSQ fields; then the requester's full name. */
export function queueListEvent(requester: AgentRecord, flavor: 'UCCE' | 'UCCX', queues: readonly QueueFigures[]): string {
  const items = queues.map((q) => (flavor === 'UCCE'
    ? [`QueueName:${q.name}`, `CallsInQueue:${q.waiting}`, `AgentsReady:${q.ready}`, `AgentsNotReady:${q.notReady}`,
      `AgentsTalkingInbound:${q.talking}`, 'AgentsTalkingOutbound:0', 'AgentsTalkingInternal:0',
      `AgentsWrapUpReady:${q.workReady}`, `AgentsWrapUpNotReady:${q.workNotReady}`]
    : [`QueueName:${q.name}`, `WaitingCalls:${q.waiting}`, `AgentsLoggedIn:${q.loggedIn}`,
      `AgentsInAfterCallWork:${q.workReady + q.workNotReady}`, `AgentsTalking:${q.talking}`, `AgentsReserved:${q.reserved}`,
      `HandledCalls:${q.handled}`, `AbandonedCalls:${q.abandoned}`, `TotalCalls:${q.total}`, `LongestHandleTime:${q.longestHandleSeconds}`]
  ).join(','));
  return `${requester.id}#QueueList#${items.join('|')}#${requester.fullName}`;
}

export function phonebooksEvent(requester: string, books: readonly SimPhonebook[], team: boolean): string {
  const type = team ? 'TeamPhoneBooks' : 'Phonebooks';
  if (books.length === 0) return `${requester}#${type}#${team ? 'NoTeamPhoneBookFound' : 'NoPhoneBookFound'}`;
  return `${requester}#${type}#${books.map((b) => `name:${b.name},type:${b.type},id:${b.id}`).join('|')}`;
}

export function phonebookContactsEvent(requester: string, book: SimPhonebook | undefined): string {
  if (!book || book.contacts.length === 0) return `${requester}#PhonebookContacts#NoContactFound`;
  const items = book.contacts.map((c) => `description:${c.description},firstName:${c.firstName},lastName:${c.lastName},phoneNumber:${c.phoneNumber},id:${c.id}`);
  return `${requester}#PhonebookContacts#${items.join('|')}`;
}

export function conferenceParticipantsEvent(supervisorId: string, extensions: readonly string[]): string {
  return `${supervisorId}#ConferenceParticipants#${extensions.join(',')}`;
}
