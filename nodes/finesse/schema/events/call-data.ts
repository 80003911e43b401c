/**
 * The structured fields of dialog events (digest §1.7): call variables in either of their two
 * forms, InboundCall's participants, and the supervisor team list of AgentInfo.
 */
import { clip } from '../../../shared/describe';
import { setEntry } from './fields';
import type { CallVariableFormat, Participant, Team } from './payload-parts';

export interface CallVariables {
  callVariables: Record<string, string>;
  callVariableFormat: CallVariableFormat;
}

/**
 * Real GC sends `name=value` pairs joined by `|` (names such as `user.microapp.locale`, `ani`);
 * the vendor document says bare values joined by `,`, which get Appendix A's default names
 * `callVariable1`…`callVariableN` by position. A field holding `=` is read as pairs.
 */
export function parseCallVariables(field: string | undefined, warnings: string[]): CallVariables {
  const callVariables: Record<string, string> = {};
  if (field === undefined || field.trim() === '') return { callVariables, callVariableFormat: 'values' };
  if (!field.includes('=')) {
    field.split(',').forEach((value, index) => setEntry(callVariables, `callVariable${index + 1}`, value.trim()));
    return { callVariables, callVariableFormat: 'values' };
  }
  let lastName: string | undefined;
  for (const piece of field.split('|')) {
    const at = piece.indexOf('=');
    if (at > 0) {
      lastName = piece.slice(0, at).trim();
      setEntry(callVariables, lastName, piece.slice(at + 1).trim());
    } else if (lastName !== undefined && piece.trim() !== '') {
      // No name: the previous value held a `|` of its own.
      callVariables[lastName] += `|${piece}`;
    } else if (piece.trim() !== '') {
      warnings.push(`Call variable entry "${clip(piece)}" has no name; ignored (see raw)`);
    }
  }
  return { callVariables, callVariableFormat: 'pairs' };
}

/** `mediaAddress,state,mediaAddressType,stateCause,startTime` entries joined by `|` (real GC 4.2.9). */
export function parseParticipants(field: string | undefined): Participant[] {
  if (field === undefined) return [];
  const participants: Participant[] = [];
  for (const entry of field.split('|')) {
    if (entry.trim() === '') continue;
    const parts = entry.split(',');
    participants.push({
      mediaAddress: parts[0].trim(),
      state: parts[1]?.trim() ?? '',
      mediaAddressType: parts[2]?.trim() ?? '',
      stateCause: parts[3]?.trim() ?? '',
      startTime: (parts.length > 5 ? parts.slice(4).join(',') : (parts[4] ?? '')).trim(),
    });
  }
  return participants;
}

// The document prints `<team_1_id><team_1_name>` with no separator; allow the likely ones.
const TEAM_ENTRY_RE = /^(\d+)\s*[,:;=\-_/ ]?\s*(.*)$/;

/** AgentInfo's supervisor teams: a numeric ID leads each `|`-separated entry, the name follows. */
export function parseTeams(field: string | undefined): Team[] {
  if (field === undefined) return [];
  const teams: Team[] = [];
  for (const raw of field.split('|')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const match = TEAM_ENTRY_RE.exec(entry);
    teams.push(match === null ? { id: '', name: entry, entry } : { id: match[1], name: match[2], entry });
  }
  return teams;
}
