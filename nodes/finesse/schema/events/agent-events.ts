/**
 * Builders for the agent events that carry no dialog (digest §4.1–§4.3, E4–E9, E22, E26). Each
 * reads the segments after the type token; positions in comments are those of the whole body.
 */
import { clip } from '../../../shared/describe';
import { parseTeams } from './call-data';
import type { EventArgs } from './event-args';
import { columns, countOf, flag, stripPrefix } from './fields';
import type { Reason } from './payload-parts';
import type { EventBody } from './payload-schema';

/** E5, both forms: the supervisor form has `TotalNumberOfTeams:<n>` and the team list at 6 and 7. */
export function agentInfo(a: EventArgs): EventBody<'agentInfo'> {
  const flagField = a.at(2);
  const isSupervisor = flag(flagField);
  if (isSupervisor === undefined) {
    a.problem('isSupervisor', flagField ? `Is_Supervisor is "${clip(flagField)}", not True or False` : 'no Is_Supervisor flag');
  }
  const common = {
    kind: 'agentInfo',
    firstName: a.at(0) ?? '',
    lastName: a.at(1) ?? '',
    isSupervisor: isSupervisor === true,
    wrapUpMode: a.at(3),
  } as const;
  const teamsCount = stripPrefix(a.at(4) ?? '', 'TotalNumberOfTeams:');
  if (teamsCount === undefined) {
    a.expectAtMost(7);
    return { ...common, teamId: a.at(4), fullName: a.at(5), loginName: a.at(6) };
  }
  a.expectAtMost(9);
  const teams = parseTeams(a.at(5));
  const counted = countOf(teamsCount, 'AgentInfo TotalNumberOfTeams', a.warnings);
  if (typeof counted === 'number' && counted !== teams.length) {
    a.warnings.push(`AgentInfo says TotalNumberOfTeams:${counted} but lists ${teams.length} team(s)`);
  }
  return { ...common, teamsCount: counted, teams, teamId: a.at(6), fullName: a.at(7), loginName: a.at(8) };
}

/** E6/E7: the full 13-field layout, the short `<id>#State#<state>` form, and `<id>#State#RE_LOGIN`. */
export function agentState(a: EventArgs): EventBody<'agentState'> {
  a.expectAtMost(11);
  return {
    kind: 'agentState',
    state: a.required(0, 'state', 'agent state (<agent_current_state>)'),
    reasonCode: a.at(1),
    stateChangeTimeString: a.at(2),
    pendingState: a.at(3),
    stateChangeTime: a.at(4),
    // Position 11 repeats the full name of 7, as 8 repeats the login ID of 0.
    fullName: a.at(5),
    loginId: a.at(6),
    extension: a.at(7),
    reasonLabel: a.at(8),
    loginName: a.at(10),
  };
}

/** E9: `Category:<c>#<codes>#Labels:<labels>#<full name>`; wrap-up reasons have labels only, the codes field may be empty or gone. */
export function reasonCodes(a: EventArgs): EventBody<'reasonCodes'> {
  const category = a.prefixed(0, 'Category:') ?? '';
  if (category === '') a.warnings.push('ReasonCodes event has no category');
  const labelsAt = a.find('Labels:', 1);
  const codes = columns(labelsAt === 1 ? undefined : a.at(1));
  const labelsField = labelsAt === -1 ? a.prefixed(2, 'Labels:') : stripPrefix(a.args[labelsAt].trim(), 'Labels:');
  const labels = columns(labelsField);
  const nameAt = labelsAt === -1 ? 3 : labelsAt + 1;
  a.expectAtMost(nameAt + 1);
  if (codes.length > 0 && codes.length !== labels.length) {
    a.warnings.push(`ReasonCodes has ${codes.length} code(s) but ${labels.length} label(s); the missing ones are empty`);
  }
  const reasons: Reason[] = [];
  for (let i = 0; i < Math.max(codes.length, labels.length); i++) reasons.push({ code: codes[i] ?? '', label: labels[i] ?? '' });
  return { kind: 'reasonCodes', category, codes, labels, reasons, fullName: a.at(nameAt) };
}

/** E22: `PrintStatusBar#<Message_To_Agent>`; the message is free text, so any further `#` belongs to it. */
export function control(a: EventArgs): EventBody<'control'> {
  const action = a.required(0, 'action', 'control action (PrintStatusBar)');
  if (action !== '' && action !== 'PrintStatusBar') a.warnings.push(`Control action "${clip(action)}" is not the documented PrintStatusBar`);
  return { kind: 'control', action, message: a.rest(1) ?? '' };
}

/** E4: `CallBack#<CallBack>`, content undocumented: kept whole. */
export function callbackScheduled(a: EventArgs): EventBody<'callbackScheduled'> {
  return { kind: 'callbackScheduled', callback: a.rest(0) ?? '' };
}

/** E26 named by its event name: `<id>#CallbackMessage#<title>#<data>`. */
export function callbackMessage(a: EventArgs): EventBody<'callbackMessage'> {
  return { kind: 'callbackMessage', title: a.at(0), data: a.rest(1) ?? '' };
}

/** E26 as the document prints it, `<id>#title#data`, reading `title` as a literal marker. */
export function callbackMessageAsPrinted(a: EventArgs): EventBody<'callbackMessage'> {
  return { kind: 'callbackMessage', data: a.rest(0) ?? '' };
}
