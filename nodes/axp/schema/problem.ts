/**
 * One sentence from a failed REST or token call (digest §3.3): RFC 7807 problem+json with its
 * violations, an OAuth error, another JSON error shape, an HTML error page from a gateway, or
 * plain text. The server's words pass through redactSecrets and are capped, so an echoed request
 * or token never reaches a status, a log or msg.error.
 */
import { STATUS_CODES } from 'node:http';
import { clipLong, isPlainObject } from '../../shared/describe';
import { jsonObject } from '../../shared/json-record';
import { redactSecrets } from '../../shared/redact-secrets';

const MAX_SENTENCE = 300;
const MAX_VIOLATIONS = 3;
const HTML_RE = /^\s*<(?:!doctype|html|head|body|title|h1|p|div)\b/i;
const HTML_TITLE_RE = /<title[^>]*>([\s\S]*?)<\/title>/i;
const HTML_HEADING_RE = /<h1[^>]*>([\s\S]*?)<\/h1>/i;
const HTML_HIDDEN_RE = /<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi;
const TAG_RE = /<[^>]*>/g;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
const ENTITY_RE = /&(amp|lt|gt|quot|apos|nbsp|#39);/g;

/** "400 Constraint Violation: family must not be null", "502 Bad Gateway", "401 Unauthorized: invalid_client: …". */
export function describeProblem(status: number, body: string): string {
  const reason = STATUS_CODES[status] ?? 'HTTP error';
  const text = typeof body === 'string' ? body.trim() : '';
  const json = text.startsWith('{') ? jsonObject(text).object : undefined;
  const [title, detail] = json !== undefined ? fromJson(json) : HTML_RE.test(text) ? [undefined, fromHtml(text)] : [undefined, text];
  return sentence(status, clean(title) || reason, clean(detail));
}

/** [title, detail] from problem+json (title, detail, violations) or the common error shapes (OAuth, `message`). */
function fromJson(json: Record<string, unknown>): [string | undefined, string | undefined] {
  const title = stringOf(json.title);
  const violations = Array.isArray(json.violations) ? json.violations.map(violationText).filter((v) => v !== '') : [];
  if (violations.length > 0) {
    const more = violations.length > MAX_VIOLATIONS ? ` (and ${violations.length - MAX_VIOLATIONS} more)` : '';
    return [title, violations.slice(0, MAX_VIOLATIONS).join('; ') + more];
  }
  const detail = stringOf(json.detail) ?? stringOf(json.message) ?? stringOf(json.error_description);
  const error = stringOf(json.error) ?? (isPlainObject(json.error) ? stringOf(json.error.message) : undefined);
  if (title !== undefined) return [title, detail];
  if (error !== undefined) return [undefined, detail === undefined ? error : `${error}: ${detail}`];
  return [undefined, detail];
}

function violationText(violation: unknown): string {
  if (typeof violation === 'string') return violation;
  if (!isPlainObject(violation)) return '';
  return [stringOf(violation.field), stringOf(violation.message)].filter((part) => part !== undefined).join(' ');
}

function fromHtml(html: string): string {
  const heading = HTML_TITLE_RE.exec(html)?.[1] ?? HTML_HEADING_RE.exec(html)?.[1];
  if (heading !== undefined && heading.trim() !== '') return decodeEntities(heading.replace(TAG_RE, ' '));
  return decodeEntities(html.replace(HTML_HIDDEN_RE, ' ').replace(TAG_RE, ' '));
}

function decodeEntities(text: string): string {
  return text.replace(ENTITY_RE, (_, name: string) => ENTITIES[name]);
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** One line, no secrets, at most MAX_MESSAGE_PART characters. */
function clean(text: string | undefined): string {
  return text === undefined ? '' : clipLong(redactSecrets(text.replace(/\s+/g, ' ').trim()));
}

/** Leaves out what repeats: a detail equal to the title, or a page title that is the status line itself. */
function sentence(status: number, title: string, detail: string): string {
  const head = `${status} ${title}`;
  const lower = detail.toLowerCase();
  let line: string;
  if (detail === '' || lower === title.toLowerCase() || lower === head.toLowerCase()) line = head;
  else if (lower.startsWith(`${status} `)) line = detail;
  else line = `${head}: ${detail}`;
  return line.length > MAX_SENTENCE ? `${line.slice(0, MAX_SENTENCE)}…` : line;
}
