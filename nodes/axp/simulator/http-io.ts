/** Request bodies in, JSON and RFC 7807 problems out (digest §3.3); every answer reports its status once. */
import { ServerResponse, STATUS_CODES } from 'node:http';

export { BodyTooLarge, MAX_BODY_BYTES, readBody } from '../../shared/simulator/http-body';

export interface Violation {
  field: string;
  message: string;
  code: number;
}

/** Violation codes: 20002 is the vendor's example ("must not be null"); the others are the simulator's own. */
export const VIOLATION = { INVALID: 20001, NOT_NULL: 20002, SIZE: 20003, NOT_SIMULATED: 20004 } as const;

const ERROR_DOC = 'https://developers.avayacloud.com/onecloud-ccaas/docs/error-handling';
const PROBLEM_TYPES: Record<number, [title: string, fragment: string]> = {
  400: ['Constraint Violation', 'constraint-violation'],
  401: ['Unauthorized', 'unauthorized'],
  403: ['Forbidden', 'forbidden'],
  404: ['Resource Not Found', 'resource-not-found'],
  500: ['Server Error', 'server-error'],
};

function problemBody(status: number, detail: string, violations?: Violation[]): Record<string, unknown> {
  const known = PROBLEM_TYPES[status];
  return {
    type: known ? `${ERROR_DOC}#${known[1]}` : 'about:blank',
    title: known ? known[0] : STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    ...(violations ? { violations } : {}),
  };
}

export class Reply {
  private sentStatus = 0;

  constructor(private readonly res: ServerResponse, private readonly onSent: (status: number) => void) {}

  get status(): number {
    return this.sentStatus;
  }

  json(status: number, value: unknown, headers: Record<string, string> = {}): void {
    this.send(status, JSON.stringify(value), { 'content-type': 'application/json', ...headers });
  }

  problem(status: number, detail: string, violations?: Violation[]): void {
    // Clients under test back off on these; Retry-After tells them how long.
    const retry: Record<string, string> = status === 429 || status === 503 ? { 'retry-after': '1' } : {};
    this.send(status, JSON.stringify(problemBody(status, detail, violations)), { 'content-type': 'application/problem+json', ...retry });
  }

  empty(status: number): void {
    this.send(status, undefined, {});
  }

  private send(status: number, text: string | undefined, headers: Record<string, string>): void {
    if (this.sentStatus !== 0) return;
    this.sentStatus = status;
    this.res.writeHead(status, { 'cache-control': 'no-store', ...headers });
    this.res.end(text);
    this.onSent(status);
  }
}
