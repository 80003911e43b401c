/**
 * The shape of one Generic Connector command as the catalogue describes it (digest §3, §3.7).
 * The command node, the editor and the GC simulator all read this one description.
 */

export type CommandGroup = 'system' | 'session' | 'state' | 'call' | 'work' | 'supervisor' | 'outbound';

export interface CommandArgument {
  /** Key for the named-argument form (`{ dialog_id: '123' }`); snake_case, matched case-insensitively. */
  name: string;
  /** What the editor shows; names the document's placeholder where it differs from `name`. */
  label: string;
  required: boolean;
  /** A fixed token the document calls a "String parameter" (ACCEPT, REJECT, CLOSE); filled in when not given. */
  literal?: string;
  /** `call-variables`: `name=value` pairs joined by `|` (update_call_variable), the one argument with its own inner syntax. */
  format?: 'call-variables';
}

export interface FinesseCommand {
  /** Canonical key users pick and flows save, e.g. `MakeNotReadyWithReason`. */
  name: string;
  /** The exact text sent before `#<agentId|destination>` in the JMS type, in the document's spelling (§8 decisions applied). */
  type: string;
  /** Hello and Beat address the client destination; every other command an agent login id. */
  target: 'agent' | 'destination';
  /** In the document's body order. */
  args: CommandArgument[];
  /** False where success sends nothing (Connect, wrapup), so a wait can only end by timeout. */
  expectsReply: boolean;
  /** Event types (as the event parser names them) that answer this command when GC does not echo the correlation id; `Error` is implied. */
  replyTypes: string[];
  /** Arguments whose values must never be logged, echoed or shown. */
  secretArgs?: string[];
  group: CommandGroup;
  /** False where the type sent is not a complete, verbatim string from the document; `caveat` then says why. */
  documented: boolean;
  /** Present exactly when `documented` is false: what is uncertain, for the editor's help. */
  caveat?: string;
  /** Other names findCommand accepts: document headings, misspellings corrected, the personal-callback rows sharing this command. */
  aliases?: string[];
  /** One line for the editor. */
  description: string;
}
