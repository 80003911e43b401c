import http from 'http';
import https from 'https';
import { HttpTransportError, type HttpRequest, type HttpResponse } from '../../shared/http/http-request';
import { RequestCancelledError } from './request-cancelled';

/**
 * The HTTP(S) requests of one Analytics session, through its own keep-alive agent (the pacing makes requests
 * follow one another closely, so the connection is worth keeping). Unlike the shared one-shot request, it can
 * end everything it started: close() aborts the requests in flight and destroys the idle connections, so a
 * server that never answers holds neither a closing node nor a socket.
 */
export class RestTransport {
  private readonly agent: http.Agent;
  private readonly client: typeof http | typeof https;
  /** Each request in flight and how to end it: close() settles it itself rather than rely on the socket's events. */
  private readonly inFlight = new Map<http.ClientRequest, (err: Error) => void>();
  private closed: string | undefined;

  constructor(base: URL, private readonly rejectUnauthorized: boolean) {
    const tls = base.protocol === 'https:';
    this.client = tls ? https : http;
    this.agent = tls ? new https.Agent({ keepAlive: true, rejectUnauthorized }) : new http.Agent({ keepAlive: true });
  }

  request(request: Omit<HttpRequest, 'rejectUnauthorized'>): Promise<HttpResponse> {
    const url = new URL(request.url);
    // Messages name the host and path only: a login URL carries the password in its query string.
    const what = `${request.method} ${url.host}${url.pathname}`;
    if (this.closed) return Promise.reject(new RequestCancelledError(`${what}: ${this.closed}`));
    const maxBody = request.maxBodyBytes ?? 4 * 1024 * 1024;
    const timeoutMs = request.timeoutMs ?? 15000;
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { ...request.headers };
      if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
      const req = this.client.request(url, { method: request.method, headers, agent: this.agent, rejectUnauthorized: this.rejectUnauthorized }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBody) {
            req.destroy(new HttpTransportError(`${what}: answer larger than ${maxBody} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          finish();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', (err) => fail(err));
      });
      // A total deadline, not an idle timer: a server trickling bytes must not hold a caller for long.
      const deadline = setTimeout(() => req.destroy(new HttpTransportError(`${what}: no complete answer within ${timeoutMs} ms`)), timeoutMs);
      const finish = () => {
        clearTimeout(deadline);
        this.inFlight.delete(req);
      };
      const fail = (err: Error) => {
        finish();
        reject(err instanceof HttpTransportError ? err : new HttpTransportError(`${what}: ${err.message}`));
      };
      this.inFlight.set(req, (reason) => {
        fail(new RequestCancelledError(`${what}: ${reason.message}`));
        req.destroy();
      });
      req.on('error', fail);
      req.end(request.body);
    });
  }

  /** Aborts every request in flight: they fail with RequestCancelledError. */
  cancel(reason: string): void {
    for (const cancel of [...this.inFlight.values()]) cancel(new Error(reason));
  }

  /** As cancel(), refuses new requests, and closes the idle connections too. */
  close(reason = 'the Analytics server node closed'): void {
    this.closed = reason;
    this.cancel(reason);
    this.agent.destroy();
  }
}
