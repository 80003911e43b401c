/** SingleStepTransfer and SingleStepTransferError; the error quotes the request's correlationId. */
import { Body, BodyFactory } from '../body-factory';
import { SimEngagement } from '../engagement';
import { AgentProfile, SimQueue } from '../world';

export type TransferTo = 'QUEUE' | 'USER' | 'AUTOMATION' | 'EXTERNAL';
export const TRANSFER_TARGETS: readonly TransferTo[] = ['QUEUE', 'USER', 'AUTOMATION', 'EXTERNAL'];

export type TransferTarget =
  | { transferTo: 'QUEUE'; queue: SimQueue }
  /** The queue is the fallback when the destination agent is unavailable. */
  | { transferTo: 'USER'; agent: AgentProfile; queue: SimQueue }
  | { transferTo: 'AUTOMATION'; address: string }
  | { transferTo: 'EXTERNAL'; address: string };

export interface TransferRequest {
  initiator: AgentProfile;
  /** The initiating agent's connection on the engagement. */
  connectionId: string;
  target: TransferTarget;
  correlationId: string;
}

export function destinationOf(target: TransferTarget): string {
  if (target.transferTo === 'QUEUE') return target.queue.queueId;
  if (target.transferTo === 'USER') return target.agent.agentId;
  return target.address;
}

export function singleStepTransfer(f: BodyFactory, e: SimEngagement, r: TransferRequest): Body {
  const queue = 'queue' in r.target ? { queueId: r.target.queue.queueId, queueName: r.target.queue.queueName } : {};
  return f.withoutId('SingleStepTransfer', {
    engagementId: e.engagementId, initiatingAgentId: r.initiator.agentId, transferTo: r.target.transferTo,
    destination: destinationOf(r.target), ...queue, channelProviderId: e.channelProviderId, connectionId: r.connectionId,
    dialogId: e.dialogId, providerDialogId: e.providerDialogId, channelId: e.channelId, correlationId: r.correlationId,
  });
}

export type TransferErrorType = 'CANCELLED' | 'FAILED';

const ERROR_TEXT: Record<TransferErrorType, { title: string; detail: string }> = {
  CANCELLED: { title: 'Engagement no longer active', detail: 'The current engagement has terminated' },
  FAILED: { title: 'Transfer failed', detail: 'The destination could not be reached' },
};

export function singleStepTransferError(f: BodyFactory, e: SimEngagement, r: TransferRequest, errorType: TransferErrorType): Body {
  return f.event('SingleStepTransferError', {
    engagementId: e.engagementId, initiatingAgentId: r.initiator.agentId, transferTo: r.target.transferTo, errorType,
    destination: destinationOf(r.target), dialogId: e.dialogId, channelProviderId: e.channelProviderId, channelId: e.channelId,
    correlationId: r.correlationId, ...ERROR_TEXT[errorType],
  });
}
