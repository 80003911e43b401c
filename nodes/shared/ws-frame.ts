import type WebSocket from 'ws';

/** One WebSocket message as a single buffer, whichever form ws delivered it in (fragments, ArrayBuffer, Buffer). */
export function frameBuffer(data: WebSocket.RawData): Buffer {
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
}
