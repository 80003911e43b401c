/**
 * Positional access to the segments after an event's type token, for the per-event builders.
 * Problems are collected rather than thrown: a missing required field becomes an issue (the event
 * is rejected), a tolerated deviation a warning (the event is delivered).
 */
import type { ParseIssue } from '../../../shared/parse-result';
import { clip } from '../../../shared/describe';
import { stripPrefix } from './fields';

export class EventArgs {
  readonly issues: ParseIssue[] = [];

  constructor(
    /** The event type as msg.topic spells it, for messages. */
    readonly type: string,
    readonly args: readonly string[],
    readonly warnings: string[],
  ) {}

  get length(): number {
    return this.args.length;
  }

  /** The segment without surrounding blanks (the document shows stray ones), or undefined when the body ended before it. */
  at(index: number): string | undefined {
    return this.args[index]?.trim();
  }

  /** A segment the event means nothing without; when it is absent or empty an issue names it. */
  required(index: number, field: string, description: string): string {
    const value = this.at(index);
    if (value === undefined || value === '') {
      this.problem(field, `no ${description}`);
      return '';
    }
    return value;
  }

  /** A field that is present but cannot stand for what it should be. */
  problem(field: string, message: string): void {
    this.issues.push({ path: [field], message });
  }

  /** Everything from `index` on, rejoined: a free-text last field may itself have held `#`. */
  rest(index: number): string | undefined {
    return index < this.args.length ? this.args.slice(index).join('#') : undefined;
  }

  /** Index of the first segment at or after `from` that starts with `prefix` (any case), or -1. */
  find(prefix: string, from: number): number {
    for (let i = from; i < this.args.length; i++) {
      if (stripPrefix(this.args[i].trim(), prefix) !== undefined) return i;
    }
    return -1;
  }

  /** A `Key:value` field (§1.7) without its key; a value sent without the key is kept, with a warning. */
  prefixed(index: number, prefix: string): string | undefined {
    const value = this.at(index);
    if (value === undefined || value === '') return value;
    const stripped = stripPrefix(value, prefix);
    if (stripped !== undefined) return stripped;
    this.warnings.push(`${this.type} field "${clip(value)}" lacks its "${prefix}" prefix; read as the ${prefix.slice(0, -1)} value`);
    return value;
  }

  /** Warns when the body has more segments than the layout: a `#` inside a value has probably shifted the fields. */
  expectAtMost(count: number): void {
    if (this.args.length <= count) return;
    this.warnings.push(
      `${this.type} has ${this.args.length} fields after its type where the layout has ${count}; ` +
        'a "#" inside a value may have shifted them (see raw)',
    );
  }
}
