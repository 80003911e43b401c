/**
 * Removes credentials from server text before it reaches a status, a log or msg.error: the login
 * call carries the password in its query string and answers a JWT, and an error page may echo
 * either. Guids, paths and host names stay, since a person needs them to act on a message.
 */
const REDACTED = '[redacted]';

const JWT_RE = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*)?/g;
const SCHEME_CREDENTIAL_RE = /\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
const SECRET_NAME = '[\\w-]*(?:password|passwd|token|secret|authdata|authorization)';
/** A JSON member ("password": "…") or a query or form field (password=…); prose such as "bad password" is left alone. */
const SECRET_MEMBER_RE = new RegExp(`(["']${SECRET_NAME}["']\\s*:\\s*|\\b${SECRET_NAME}\\s*=\\s*)(?:"[^"]*"|'[^']*'|[^\\s,;&}]+)`, 'gi');

export function redactSecrets(text: string): string {
  return text
    .replace(SECRET_MEMBER_RE, `$1${REDACTED}`)
    .replace(JWT_RE, REDACTED)
    .replace(SCHEME_CREDENTIAL_RE, `$1 ${REDACTED}`);
}
