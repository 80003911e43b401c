import type { GcIncoming } from './gc-incoming';

/**
 * Why a command did not get the answer it wanted: GC refused it (an Error event, or State#RE_LOGIN for an
 * agent GC does not know), no answer came in time, or the command could not be sent at all; `too-many-pending`:
 * the session already holds as many unanswered commands as it may, so this one was refused before it was sent.
 */
export type GcCommandFailure = 'gc-error' | 're-login' | 'timeout' | 'not-in-service' | 'disconnected' | 'closed' | 'too-many-pending';

export class GcCommandError extends Error {
  constructor(
    message: string,
    readonly failure: GcCommandFailure,
    readonly correlationId?: string,
    /** The Error event's name (CF_INVALID_OBJECT_STATE, …) for gc-error; RE_LOGIN for re-login. */
    readonly errorName?: string,
    /** The event that ended the wait, when one did. */
    readonly reply?: GcIncoming,
  ) {
    super(message);
    this.name = 'GcCommandError';
  }
}
