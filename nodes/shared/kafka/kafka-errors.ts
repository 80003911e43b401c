/**
 * Turns kafkajs and socket errors into a short reason a person can act on, and says whether
 * retrying can help on its own ('lost') or someone has to change something ('fail').
 */
export interface KafkaProblem {
  kind: 'lost' | 'fail';
  reason: string;
}

const FAIL_CODES = new Set([
  'TOPIC_AUTHORIZATION_FAILED',
  'GROUP_AUTHORIZATION_FAILED',
  'CLUSTER_AUTHORIZATION_FAILED',
  'SASL_AUTHENTICATION_FAILED',
  'INVALID_GROUP_ID',
  'INVALID_TOPIC_EXCEPTION',
  'UNSUPPORTED_SASL_MECHANISM',
]);

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
  type?: string;
  originalError?: unknown;
  cause?: unknown;
}

function rootCause(err: ErrorLike): ErrorLike {
  let current = err;
  for (let depth = 0; depth < 5; depth++) {
    const inner = (current.originalError ?? current.cause) as ErrorLike | undefined;
    if (!inner || typeof inner !== 'object') break;
    current = inner;
  }
  return current;
}

export function describeKafkaError(error: unknown): KafkaProblem {
  const err = (error && typeof error === 'object' ? error : { message: String(error) }) as ErrorLike;
  const root = rootCause(err);
  const text = `${root.message ?? ''} ${err.message ?? ''}`;
  const code = root.code ?? err.code ?? '';
  if (root.name === 'KafkaJSSASLAuthenticationError' || err.name === 'KafkaJSSASLAuthenticationError' || /SASL .*authentication failed/i.test(text)) {
    return { kind: 'fail', reason: 'SASL authentication failed: check username, password and mechanism' };
  }
  if (FAIL_CODES.has(root.type ?? '') || FAIL_CODES.has(err.type ?? '')) {
    return { kind: 'fail', reason: `broker refused: ${(root.type ?? err.type ?? '').toLowerCase().replace(/_/g, ' ')}` };
  }
  if (/certificate|self[- ]signed|unable to verify|CERT_|ERR_TLS|SSL routines|wrong version number/i.test(`${text} ${code}`)) {
    return { kind: 'fail', reason: `TLS: ${root.message ?? err.message}` };
  }
  if (code === 'ECONNREFUSED') return { kind: 'lost', reason: 'broker refused the connection (is it running?)' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { kind: 'lost', reason: 'broker host name not found' };
  if (/timed? ?out|timeout/i.test(text)) return { kind: 'lost', reason: 'broker not responding' };
  return { kind: 'lost', reason: (root.message ?? err.message ?? 'connection lost').slice(0, 120) };
}
