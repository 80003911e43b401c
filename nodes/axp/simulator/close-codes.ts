/** The simulator's WebSocket close codes (digest §9.2; the vendor documents none, so clients must not rely on them). */
export const CLOSE = {
  normal: { code: 1000, reason: 'normal' },
  /** dropSockets() with a close frame: the server going down, as a load balancer would close. */
  goingAway: { code: 1001, reason: 'going away' },
  authFailed: { code: 1008, reason: 'auth failed' },
  authTimeout: { code: 1008, reason: 'auth timeout' },
  internalError: { code: 1011, reason: 'internal error' },
  pingTimeout: { code: 4000, reason: 'ping timeout' },
  expired: { code: 4001, reason: 'subscription expired' },
  deleted: { code: 4002, reason: 'subscription deleted' },
  superseded: { code: 4003, reason: 'superseded' },
  /** Only with closeOnTokenExpiry. */
  tokenExpired: { code: 4004, reason: 'token expired' },
} as const;

export interface CloseCode {
  code: number;
  reason: string;
}
