import http from 'http';
import https from 'https';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Certificate verification for https; on unless a person turned it off. */
  rejectUnauthorized?: boolean;
  /** The whole exchange, connect to last byte, must fit in this. */
  timeoutMs?: number;
  /** Bodies beyond this are cut off and the request fails: a server must not fill our memory. */
  maxBodyBytes?: number;
  /** Ends the request at once (a node closing): its socket is destroyed, the promise rejects with RequestCancelledError. */
  signal?: AbortSignal;
  /** A keep-alive agent the caller owns (and destroys); by default none, so no pooled socket outlives the request. */
  agent?: http.Agent;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** The request could not be made or answered at all (refused, reset, timed out, certificate refused). */
export class HttpTransportError extends Error {}

/**
 * A request ended because its caller is closing: nobody waits for the answer any more, and nothing was refused,
 * so no backoff follows it.
 */
export class RequestCancelledError extends HttpTransportError {
  readonly code = 'cancelled';
}

/**
 * One HTTP(S) request over node:http(s). Not fetch: Node's fetch cannot turn certificate verification off per
 * request without a dispatcher package, and the vendors' lab systems need exactly that switch. Cancellable, so a
 * node that closes leaves no socket behind however long the server takes.
 */
export function httpRequest(request: HttpRequest): Promise<HttpResponse> {
  const url = new URL(request.url);
  const what = `${request.method} ${url.host}${url.pathname}`;
  if (request.signal?.aborted) return Promise.reject(new RequestCancelledError(`${what}: cancelled`));
  const client = url.protocol === 'https:' ? https : http;
  const maxBody = request.maxBodyBytes ?? 4 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...request.headers };
    if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
    const timeoutMs = request.timeoutMs ?? 15000;
    // Without an agent of the caller's, no pooled keep-alive connection (Node's global agent keeps one open for
    // seconds): a node that closes must leave no socket behind.
    const options = { method: request.method, headers, rejectUnauthorized: request.rejectUnauthorized !== false, agent: request.agent ?? false };
    const req = client.request(url, options, (res) => {
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
      res.on('error', (err) => {
        finish();
        reject(new HttpTransportError(`${what}: ${err.message}`));
      });
    });
    const cancel = () => req.destroy(new RequestCancelledError(`${what}: cancelled`));
    // A total deadline, not an idle timer: a server trickling bytes must not hold a caller (a node closing) for long.
    const deadline = setTimeout(() => req.destroy(new HttpTransportError(`${what}: no complete answer within ${timeoutMs} ms`)), timeoutMs);
    request.signal?.addEventListener('abort', cancel, { once: true });
    function finish(): void {
      clearTimeout(deadline);
      request.signal?.removeEventListener('abort', cancel);
    }
    req.on('error', (err) => {
      finish();
      reject(err instanceof HttpTransportError ? err : new HttpTransportError(`${what}: ${err.message}`));
    });
    req.end(request.body);
  });
}
