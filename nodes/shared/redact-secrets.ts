/**
 * Removes credentials from server text before it reaches a status, a log or msg.error: an error
 * page may echo the request (its Authorization header, a form body with client_secret, a login
 * query with the password), a token (an OAuth token, a JWT in `authdata`) or a private key. What looks like a
 * secret is replaced by "[redacted]"; UUIDs, paths and host names stay, since they are what a
 * person needs to act on the message.
 */
const REDACTED = '[redacted]';

// Any kind (PKCS#1/#8, EC, DSA, OpenSSH, encrypted), line-broken or collapsed onto one line; one cut off before its
// END line is removed to the end of the text.
const PRIVATE_KEY_RE = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g;
const AUTHORIZATION_RE = /((?:proxy-)?authorization["']?\s*[:=]\s*["']?)(?:(?:bearer|basic|digest)\s+)?[^\s,;"'}&]+/gi;
const SCHEME_CREDENTIAL_RE = /\b(bearer|basic)\s+([A-Za-z0-9._~+/=-]{8,})/gi;
// A plain word after the scheme ("Basic authentication failed") is prose, not a credential.
const WORD_RE = /^[A-Za-z][a-z]+$/;
const SECRET_NAME = '[\\w-]*(?:token|secret|password|passwd|pwd|passphrase|api[_-]?key|appkey|authdata|authorization)';
// A JSON member ("client_secret": "…", "authToken": "…", escaped quotes included) or a form field (client_secret=…);
// prose such as "invalid token: x" is left alone.
const SECRET_MEMBER_RE = new RegExp(`(["']${SECRET_NAME}["']\\s*:\\s*|\\b${SECRET_NAME}\\s*=\\s*)(?:"(?:[^"\\\\]|\\\\.)*"|'(?:[^'\\\\]|\\\\.)*'|[^\\s,;&}]+)`, 'gi');
// The signature is optional: a JWT cut short by a length cap is still a credential.
const JWT_RE = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*)?/g;
// 32 or more token characters mixing letters and digits; '/' and '.' break runs, so paths and host names survive.
const OPAQUE_RE = /[A-Za-z0-9_~+=-]{32,}/g;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DIGIT_RE = /\d/;
const LETTER_RE = /[A-Za-z]/;

export function redactSecrets(text: string): string {
  return text
    .replace(PRIVATE_KEY_RE, `private key ${REDACTED}`)
    .replace(AUTHORIZATION_RE, `$1${REDACTED}`)
    .replace(SCHEME_CREDENTIAL_RE, (match, scheme: string, credential: string) => (WORD_RE.test(credential) ? match : `${scheme} ${REDACTED}`))
    .replace(SECRET_MEMBER_RE, `$1${REDACTED}`)
    .replace(JWT_RE, REDACTED)
    .replace(OPAQUE_RE, (run) => (UUID_RE.test(run) || !DIGIT_RE.test(run) || !LETTER_RE.test(run) ? run : REDACTED));
}
