import http from 'http';
import https from 'https';
import { HttpTransportError, type HttpRequest, type HttpResponse } from '../../shared/http/http-request';
import { checkEncrypted } from './encrypted-links';

export interface AxpRequest extends HttpRequest {
  /** Ends the request at once (the node closing): its socket is destroyed, the promise rejects. */
  signal?: AbortSignal;
  /** Plain http:// to another machine is refused unless this is set (see encrypted-links). */
  allowUnencrypted: boolean;
  /** What the request would expose on an unencrypted link, for the refusal ("the client secret"). */
  exposes: string;
  /** Names the link in the refusal ("the token URL"). */
  link: string;
}

/**
 * Every HTTP request of the AXP client: refused before any connection or DNS lookup when it would carry a secret
 * unencrypted to another machine, and cancellable, so a node that closes leaves no socket behind however long the
 * server takes. The pack's shared httpRequest has no way to cancel a request under way, hence this variant of it.
 */
export function axpRequest(request: AxpRequest): Promise<HttpResponse> {
  try {
    checkEncrypted(request.url, request.link, request.exposes, request.allowUnencrypted);
  } catch (err) {
    return Promise.reject(err);
  }
  const url = new URL(request.url);
  const what = `${request.method} ${url.host}${url.pathname}`;
  if (request.signal?.aborted) return Promise.reject(new HttpTransportError(`${what}: cancelled`));
  const client = url.protocol === 'https:' ? https : http;
  const maxBody = request.maxBodyBytes ?? 4 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...request.headers };
    if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
    const timeoutMs = request.timeoutMs ?? 15000;
    // No pooled keep-alive connection (Node's global agent keeps one open for seconds): these calls are minutes apart,
    // and a node that closes must leave no socket behind.
    const options = { method: request.method, headers, rejectUnauthorized: request.rejectUnauthorized !== false, agent: false as const };
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
    const cancel = () => req.destroy(new HttpTransportError(`${what}: cancelled`));
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
