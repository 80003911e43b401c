/** Close codes the simulator uses. The document names none, so all but 1000/1001 are the simulator's own [assumption]. */
export interface CloseCode {
  code: number;
  reason: string;
}

export const CLOSE = {
  normal: { code: 1000, reason: 'simulator stopped' },
  goingAway: { code: 1001, reason: 'going away' },
  clientHeartbeatTimeout: { code: 4000, reason: 'no --heartbeat-- from the client' },
  redirectRefused: { code: 4001, reason: 'subscription redirect refused' },
} as const satisfies Record<string, CloseCode>;
