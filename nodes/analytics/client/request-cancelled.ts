import { HttpTransportError } from '../../shared/http/http-request';

/**
 * A request ended because its server node is closing (waiting its turn or in flight): nobody waits for the
 * answer any more, and nothing was refused, so no backoff follows it.
 */
export class RequestCancelledError extends HttpTransportError {
  readonly code = 'cancelled';
}
