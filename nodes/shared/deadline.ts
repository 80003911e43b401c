/**
 * Node-RED gives up on a node whose close takes longer than 15 s and logs an error; every close path of the
 * pack ends well inside that, whatever the peer does (a frozen broker, an IdP that never answers).
 */
export const CLOSE_DEADLINE_MS = 8000;

export class DeadlineError extends Error {
  readonly code = 'deadline';
}

/**
 * Settles with `work` or, after `ms`, rejects with a DeadlineError naming `what`. The work itself goes on (a
 * promise cannot be cancelled): the caller stops waiting for it and must not rely on its result.
 */
export function withinDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`${what} did not finish within ${Math.round(ms / 100) / 10} s; gave up waiting`)), ms);
  });
  // A late rejection of the work must not surface as an unhandled rejection once the deadline has passed.
  work.catch(() => {});
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
