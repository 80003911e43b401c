/**
 * Validation of the Notification API's inputs (digest §3.1, §3.2, §9.1): the create body and the list's paging.
 * Every problem is reported at once, as violations[] of a 400 problem.
 */
import { isPlainObject } from '../../shared/describe';
import { AXP_EVENT_NAMES } from './event-names';
import { VIOLATION, Violation } from './http-io';

export interface CreateRequest {
  family: string;
  events: string[];
}

const KNOWN_EVENTS = new Set<string>(['ALL', ...AXP_EVENT_NAMES]);

export function validateCreate(body: unknown): CreateRequest | Violation[] {
  if (!isPlainObject(body)) return [{ field: 'body', message: 'must be a JSON object', code: VIOLATION.INVALID }];
  const violations = [...familyViolations(body.family), ...eventsViolations(body.events), ...transportViolations(body.transport)];
  if (body.extensions !== undefined && !isPlainObject(body.extensions)) {
    violations.push({ field: 'extensions', message: 'must be an object', code: VIOLATION.INVALID });
  }
  return violations.length > 0 ? violations : { family: body.family as string, events: body.events as string[] };
}

function familyViolations(family: unknown): Violation[] {
  if (family === undefined || family === null) return [{ field: 'family', message: 'must not be null', code: VIOLATION.NOT_NULL }];
  if (family === 'AGENT_ENGAGEMENT') return [];
  if (family === 'ANALYTICS') return [{ field: 'family', message: 'ANALYTICS is not simulated; use AGENT_ENGAGEMENT', code: VIOLATION.NOT_SIMULATED }];
  return [{ field: 'family', message: 'must be one of AGENT_ENGAGEMENT, ANALYTICS', code: VIOLATION.INVALID }];
}

function eventsViolations(events: unknown): Violation[] {
  if (events === undefined || events === null) return [{ field: 'events', message: 'must not be null', code: VIOLATION.NOT_NULL }];
  if (!Array.isArray(events)) return [{ field: 'events', message: 'must be an array of event names', code: VIOLATION.INVALID }];
  if (events.length < 1 || events.length > 25) return [{ field: 'events', message: 'size must be between 1 and 25', code: VIOLATION.SIZE }];
  const violations: Violation[] = [];
  events.forEach((name: unknown, i) => {
    const field = `events[${i}]`;
    if (typeof name !== 'string' || name.length < 1 || name.length > 256) {
      violations.push({ field, message: 'must be a string of 1 to 256 characters', code: VIOLATION.SIZE });
    } else if (!KNOWN_EVENTS.has(name)) {
      violations.push({ field, message: 'must be ALL or an AGENT_ENGAGEMENT event name', code: VIOLATION.INVALID });
    }
  });
  return violations;
}

function transportViolations(transport: unknown): Violation[] {
  if (transport === undefined || transport === null) return [{ field: 'transport', message: 'must not be null', code: VIOLATION.NOT_NULL }];
  if (!isPlainObject(transport)) return [{ field: 'transport', message: 'must be an object', code: VIOLATION.INVALID }];
  const type = transport.type;
  if (type === undefined || type === null) return [{ field: 'transport.type', message: 'must not be null', code: VIOLATION.NOT_NULL }];
  if (type === 'WEBSOCKET') return [];
  if (type === 'WEBHOOK') return [{ field: 'transport.type', message: 'WEBHOOK is not simulated; use WEBSOCKET', code: VIOLATION.NOT_SIMULATED }];
  return [{ field: 'transport.type', message: 'must be one of WEBHOOK, WEBSOCKET', code: VIOLATION.INVALID }];
}

export interface PageRequest {
  pageNumber: number;
  pageSize: number;
}

export function validatePage(query: URLSearchParams): PageRequest | Violation[] {
  const violations: Violation[] = [];
  const read = (name: string, fallback: number, min: number, max: number): number => {
    const text = query.get(name);
    if (text === null || text === '') return fallback;
    const value = Number(text);
    if (!(Number.isInteger(value) && value >= min && value <= max)) {
      violations.push({ field: name, message: `must be an integer from ${min}${max === Infinity ? '' : ` to ${max}`}`, code: VIOLATION.INVALID });
    }
    return value;
  };
  const page = { pageNumber: read('pageNumber', 1, 1, Infinity), pageSize: read('pageSize', 10, 1, 25) };
  return violations.length > 0 ? violations : page;
}
