/** The ids one engagement keeps across its events, so a scenario's events tie together the way the platform's do. */
import { Ids } from './ids';
import { World } from './world';

export interface SimEngagement {
  engagementId: string;
  /** Changes when a participant is MOVED to another dialog. */
  dialogId: string;
  providerEngagementId: string;
  providerDialogId: string;
  channelProviderId: string;
  channelId: 'Voice' | 'Email';
  /** The customer: an E.164 number for voice, an address for e-mail. */
  customer: string;
  /** What the customer reached (inbound) or what was dialled (outbound). */
  serviceAddress: string;
  customerConnectionId: string;
}

export function newEngagement(ids: Ids, world: World, channelId: 'Voice' | 'Email' = 'Voice'): SimEngagement {
  return {
    engagementId: ids.uuid(),
    dialogId: newDialogId(ids),
    providerEngagementId: `0000108${ids.digits(13)}`,
    providerDialogId: `0000100${ids.digits(13)}`,
    channelProviderId: world.channelProviderId,
    channelId,
    customer: channelId === 'Voice' ? `+3539555${ids.digits(4)}` : `customer${ids.digits(4)}@example.net`,
    serviceAddress: channelId === 'Voice' ? world.serviceNumber : world.supportMailbox,
    customerConnectionId: ids.uuid(),
  };
}

/** Dialog ids equal the UCID the SBC makes: 20 digits with leading zeros. */
export function newDialogId(ids: Ids): string {
  return `0100500${ids.digits(13)}`;
}
