/**
 * One sentence from a failed REST call. The vendor's error bodies are undocumented (digest §4.8):
 * a JSON object with message/error/detail, an HTML page from the ingress, or plain text are all
 * read. The server's words are redacted and capped, so an echoed password or token never reaches
 * a status, a log or msg.error.
 */
import { STATUS_CODES } from 'node:http';
import { clipLong, isPlainObject } from '../../shared/describe';
import { jsonObject } from '../../shared/json-record';
import { redactSecrets } from '../../shared/redact-secrets';

const MAX_SENTENCE = 200;
const HTML_RE = /^\s*<(?:!doctype|html|head|body|title|h1|p|div)\b/i;
const HTML_TITLE_RE = /<title[^>]*>([\s\S]*?)<\/title>|<h1[^>]*>([\s\S]*?)<\/h1>/i;
const HTML_HIDDEN_RE = /<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi;
const TAG_RE = /<[^>]*>/g;

/** "401 Unauthorized: token expired", "502 Bad Gateway", "404 Not Found: unknown producer VDN_SoD_3.5". */
export function describeRestError(status: number, body: string): string {
  const reason = STATUS_CODES[status] ?? 'HTTP error';
  const text = typeof body === 'string' ? body.trim() : '';
  const json = text.startsWith('{') ? jsonObject(text).object : undefined;
  const detail = clean(json !== undefined ? fromJson(json) : HTML_RE.test(text) ? fromHtml(text) : text);
  const lower = detail.toLowerCase();
  let line: string;
  if (detail === '' || lower === reason.toLowerCase() || lower === `${status} ${reason}`.toLowerCase()) line = `${status} ${reason}`;
  else if (lower.startsWith(`${status} `)) line = detail;
  else line = `${status} ${reason}: ${detail}`;
  return line.length > MAX_SENTENCE ? `${line.slice(0, MAX_SENTENCE)}…` : line;
}

/** `{"status":401,"error":"Unauthorized","message":"…"}` and its relatives: the message, else the error. */
function fromJson(json: Record<string, unknown>): string {
  const message = stringOf(json.message) ?? stringOf(json.detail) ?? stringOf(json.error_description) ?? stringOf(json.reason);
  const error = stringOf(json.error) ?? (isPlainObject(json.error) ? stringOf(json.error.message) : undefined);
  return message ?? error ?? '';
}

function fromHtml(html: string): string {
  const match = HTML_TITLE_RE.exec(html);
  const heading = match?.[1] ?? match?.[2];
  if (heading !== undefined && heading.trim() !== '') return heading.replace(TAG_RE, ' ');
  return html.replace(HTML_HIDDEN_RE, ' ').replace(TAG_RE, ' ');
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** One line, no secrets, clipped. */
function clean(text: string): string {
  return clipLong(redactSecrets(text.replace(/\s+/g, ' ').trim()));
}
