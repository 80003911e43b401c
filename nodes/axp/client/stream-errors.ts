import { AxpApiError } from './subscriptions-api';
import { AxpCredentialsError } from './token-source';

/** What a failed step means for the stream: try again soon, or a refusal only a person can fix (retried slowly). */
export type StepFailure = { kind: 'lost' | 'refuse'; reason: string };

export function classifyStepFailure(err: unknown): StepFailure {
  const reason = (err as Error)?.message ?? String(err);
  if (err instanceof AxpCredentialsError) return { kind: 'refuse', reason };
  if (err instanceof AxpApiError && (err.status === 400 || err.status === 403)) return { kind: 'refuse', reason };
  return { kind: 'lost', reason };
}
