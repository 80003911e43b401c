/** Request bodies in, JSON and error bodies out ({"status","error","message"}, digest §4.8); every answer reports its status once. */
import { ServerResponse, STATUS_CODES } from 'node:http';

export { BodyTooLarge, MAX_BODY_BYTES, readBody } from '../../shared/simulator/http-body';

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
