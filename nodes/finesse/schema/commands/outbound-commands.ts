import { dialogId, literal, required, targetMediaAddress } from './arguments';
import type { CommandArgument, FinesseCommand } from './types';

const PREVIEW_REPLIES = ['InboundCall', 'State'];
const TRUNCATED = (printed: string) => `The document's type is cut off after "${printed}#<"; the agent id is assumed to follow (§8 Q5).`;
const MISSPELT = (printed: string) => `Sent in the document's spelling "${printed}", which may be a typo of the real wire string (§8 Q6).`;
const callbackArgs = [
  targetMediaAddress,
  dialogId(),
  required('callback_time', 'Callback time (format not documented; Finesse uses yyyy-MM-ddTHH:mm)'),
  required('callback_number', 'Callback number'),
];

/**
 * Digest §3.6: outbound campaign and callback commands (rows 40–42, 45–50). The personal-callback
 * rows 49 and 50 reuse the preview commands, as the document says, so they are aliases here.
 */
export const OUTBOUND_COMMANDS: FinesseCommand[] = [
  {
    ...outbound('AcceptOutboundPreview', [dialogId(), literal('ACCEPT')], PREVIEW_REPLIES, 'Accept a preview or personal-callback offer'),
    documented: false,
    caveat: TRUNCATED('AcceptOutboundPreview'),
    aliases: ['Accept_Outbound_Call', 'AcceptPersonalCallback'],
  },
  {
    ...outbound('RejectOutboundPreview', [dialogId(), literal('REJECT')], PREVIEW_REPLIES, 'Reject a preview or personal-callback offer'),
    documented: false,
    caveat: TRUNCATED('RejectOutboundPreview'),
    aliases: ['Reject_Outbound_Call', 'RejectPersonalCallback'],
  },
  {
    ...outbound('CloseOutboundPreview', [dialogId(), literal('CLOSE')], PREVIEW_REPLIES, 'Close a preview offer: do not call this record again'),
    documented: false,
    caveat: TRUNCATED('CloseOutboundPreview'),
  },
  {
    ...outbound('ScheduleCallback', callbackArgs, ['CallBack'], 'Schedule a campaign callback (rescheduling is allowed)', 'SHCEDULECALLBACK'),
    documented: false,
    caveat: MISSPELT('SHCEDULECALLBACK'),
    aliases: ['SCHEDULECALLBACK', 'Schedule_callback_Call'],
  },
  outbound('UpdateCallback', callbackArgs, ['CallBack', 'CallbackMessage'], 'Change a scheduled campaign callback', 'UPDATECALLBACK'),
  {
    ...outbound(
      'CancelScheduledCallback',
      [targetMediaAddress, dialogId()],
      ['CallbackMessage'],
      'Cancel a scheduled campaign callback',
      'CANCELSHCEDULECALLBACK',
    ),
    documented: false,
    caveat: MISSPELT('CANCELSHCEDULECALLBACK'),
    aliases: ['CANCELSCHEDULECALLBACK', 'cancel_scheduled_Call'],
  },
  outbound(
    'ReclassifyCall',
    [targetMediaAddress, dialogId(), required('value', 'Reclassify value (UCCE: VOICE, FAX, ANS_MACHINE, INVALID, DO_NOT_CALL, BUSY)')],
    [],
    'Reclassify a direct preview call; no reply event is documented',
    'RECLASSIFYCALL',
  ),
];

function outbound(name: string, args: CommandArgument[], replyTypes: string[], description: string, type = name): FinesseCommand {
  return { name, type, target: 'agent', args, expectsReply: true, replyTypes, group: 'outbound', documented: true, description };
}
