/** Request bodies in, JSON and error bodies out ({"status","error","message"}, digest §4.8); every answer reports its status once. */
import { IncomingMessage, ServerResponse, STATUS_CODES } from 'node:http';

export const MAX_BODY_BYTES = 1 << 20;

export class BodyTooLarge extends Error {}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge(`request body over ${limit} bytes`));
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export class Reply {
  private sentStatus = 0;

  constructor(private readonly res: ServerResponse, private readonly onSent: (status: number) => void) {}

  get status(): number {
    return this.sentStatus;
  }

  json(status: number, value: unknown): void {
    this.send(status, JSON.stringify(value), 'application/json');
  }

  text(status: number, text: string, contentType: string): void {
    this.send(status, text, contentType);
  }

  error(status: number, message: string): void {
    this.json(status, { status, error: STATUS_CODES[status] ?? 'Error', message });
  }

  private send(status: number, body: string, contentType: string): void {
    if (this.sentStatus !== 0) return;
    this.sentStatus = status;
    const retry: Record<string, string> = status === 429 || status === 503 ? { 'retry-after': '1' } : {};
    this.res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store', ...retry });
    this.res.end(body);
    this.onSent(status);
  }
}
