import { clipLong, isPlainObject, jsonType } from './describe';
import { parseFailure, type ParseFailure } from './parse-result';

export type JsonObjectResult = { object: Record<string, unknown>; failure?: undefined } | { failure: ParseFailure; object?: undefined };

/**
 * The first step of every vendor parser: one wire message must be a JSON object. A byte-order
 * mark is tolerated; anything else that is not an object is a failure a person can act on.
 */
export function jsonObject(text: string): JsonObjectResult {
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch (err) {
    return fail(`Record is not valid JSON: ${clipLong((err as Error).message)}`);
  }
  return isPlainObject(root) ? { object: root } : fail(`Record is not a JSON object (got ${jsonType(root)})`);
}

function fail(message: string): JsonObjectResult {
  return { failure: parseFailure(message, [{ path: [], message }]) };
}
