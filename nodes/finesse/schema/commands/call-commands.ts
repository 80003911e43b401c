import { agentExtensionOf, callVariables, dialogId, required } from './arguments';
import type { CommandArgument, FinesseCommand } from './types';

const CALL_REPLIES = ['InboundCall', 'State'];
const otherParty = required('other_party_extension', 'Extension of the other party');
const secondAgent = agentExtensionOf('Extension of the consulted (2nd) agent');
const mainDialog = dialogId('Dialog ID of the main (customer) call');
const wrapUpReason = required('wrapup_reason', 'Wrap-up reason (a label; comes before the dialog ID)');

/** Digest §3.3 (call control, rows 14–23) and §3.4 (reason codes, wrap-up and call data, rows 24–28). */
export const CALL_COMMANDS: FinesseCommand[] = [
  call('MakeCall', [required('extension_number', 'Number to dial (Extension_Number)')], CALL_REPLIES, 'Place a call from the agent to a number'),
  call('AnswerCall', [dialogId('Dialog ID (from NewInboundCall)')], CALL_REPLIES, 'Answer a ringing call'),
  call('ReleaseCall', [dialogId()], CALL_REPLIES, 'Hang up a call'),
  call('HoldCall', [dialogId()], CALL_REPLIES, 'Put a call on hold (UCCE only: UCCX sends no hold event)'),
  { ...call('RetrieveCall', [dialogId()], CALL_REPLIES, 'Take a held call back'), aliases: ['ReterieveCall'] },
  {
    ...call('BlindTransfer', [otherParty, dialogId()], CALL_REPLIES, 'Transfer a call in one step, without consulting (UCCE)'),
    type: 'Transfer_sst',
    aliases: ['SingleStepTransfer'],
  },
  {
    ...call('ConsultCall', [otherParty, mainDialog], ['InboundCall', 'ConsultCall', 'State'], 'Hold the call and consult another party'),
    aliases: ['CosultCall'],
  },
  {
    ...call('TransferCall', [secondAgent, mainDialog], ['ConsultCall', 'InboundCall', 'State'], 'Transfer the call to the consulted agent'),
    aliases: ['ConsultTransfer'],
  },
  {
    ...call(
      'ConferenceCall',
      [secondAgent, mainDialog],
      ['ConsultCall', 'InboundCall', 'ConferenceParticipants'],
      'Join the customer and the consulted agent in a conference',
    ),
    type: 'Conferencecall',
  },
  call('GetDialogState', [dialogId('Dialog ID of an active call')], ['DialogState'], 'Ask for the state of one dialog'),
  work('ReasonCodeLogout', 'reasoncodelogout', [], ['ReasonCodes'], 'List the logout reason codes defined in Finesse'),
  work('ReasonCodeNotReady', 'reasoncodenotready', [], ['ReasonCodes'], 'List the not-ready reason codes defined in Finesse'),
  work('WrapUpReasonCode', 'wrapupreasoncode', [], ['ReasonCodes'], 'List the wrap-up reasons (labels only)'),
  {
    ...work('WrapUp', 'wrapup', [wrapUpReason, dialogId()], [], 'Set the wrap-up reason of a dialog; success sends nothing'),
    expectsReply: false,
  },
  work('UpdateCallVariable', 'update_call_variable', [dialogId(), callVariables], ['InboundCall'], 'Set or change call variables on a dialog'),
];

function call(name: string, args: CommandArgument[], replyTypes: string[], description: string): FinesseCommand {
  return { name, type: name, target: 'agent', args, expectsReply: true, replyTypes, group: 'call', documented: true, description };
}

function work(name: string, type: string, args: CommandArgument[], replyTypes: string[], description: string): FinesseCommand {
  return { name, type, target: 'agent', args, expectsReply: true, replyTypes, group: 'work', documented: true, description };
}
