import { UnencryptedLinkError } from '../../shared/http/unencrypted-links';
import { AxpApiError } from './subscriptions-api';
import { AxpCredentialsError } from './token-source';

/** What a failed step means for the stream: try again soon, or a refusal only a person can fix (retried slowly). */
export type StepFailure = { kind: 'lost' | 'refuse'; reason: string };

export function classifyStepFailure(err: unknown): StepFailure {
  const reason = (err as Error)?.message ?? String(err);
  if (err instanceof AxpCredentialsError || err instanceof UnencryptedLinkError) return { kind: 'refuse', reason };
  // 401 here is after a fresh token was refused too: the client lacks the right, not a valid token.
  if (err instanceof AxpApiError && (err.status === 400 || err.status === 401 || err.status === 403)) return { kind: 'refuse', reason };
  return { kind: 'lost', reason };
}
