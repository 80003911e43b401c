import http from 'http';
import https from 'https';
import { httpRequest, RequestCancelledError, type HttpRequest, type HttpResponse } from '../../shared/http/http-request';

/**
 * The HTTP(S) requests of one Analytics session, through its own keep-alive agent (the pacing makes requests
 * follow one another closely, so the connection is worth keeping), and able to end everything it started: close()
 * aborts the requests in flight and destroys the idle connections, so a server that never answers holds neither a
 * closing node nor a socket.
 */
export class RestTransport {
  private readonly agent: http.Agent;
  private readonly inFlight = new Set<AbortController>();
  private closed: string | undefined;

  constructor(base: URL, private readonly rejectUnauthorized: boolean) {
    this.agent = base.protocol === 'https:' ? new https.Agent({ keepAlive: true, rejectUnauthorized }) : new http.Agent({ keepAlive: true });
  }

  async request(request: Omit<HttpRequest, 'rejectUnauthorized' | 'agent' | 'signal'>): Promise<HttpResponse> {
    // Messages name the host and path only: a login URL carries the password in its query string.
    const url = new URL(request.url);
    if (this.closed) throw new RequestCancelledError(`${request.method} ${url.host}${url.pathname}: ${this.closed}`);
    const controller = new AbortController();
    this.inFlight.add(controller);
    try {
      return await httpRequest({ ...request, agent: this.agent, rejectUnauthorized: this.rejectUnauthorized, signal: controller.signal });
    } finally {
      this.inFlight.delete(controller);
    }
  }

  /** Aborts every request in flight: they fail with RequestCancelledError. */
  cancel(): void {
    for (const controller of [...this.inFlight]) controller.abort();
  }

  /** As cancel(), refuses new requests, and closes the idle connections too. */
  close(reason = 'the Analytics server node closed'): void {
    this.closed = reason;
    this.cancel();
    this.agent.destroy();
  }
}
