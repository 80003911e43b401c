/**
 * Builders for the supervisor events with a fixed layout (digest §4.1, E15, E16, E20, E21).
 */
import { clip } from '../../../shared/describe';
import type { EventArgs } from './event-args';
import { listOf } from './fields';
import type { EventBody } from './payload-schema';

/** E15: `TeamID#<id_1>,<id_2>,…#<agent_full_name>`. */
export function teamInfoIds(a: EventArgs): EventBody<'teamInfoIds'> {
  const at = afterMarker(a, 'TeamID');
  return { kind: 'teamInfoIds', teamIds: listOf(a.at(at)), fullName: a.at(at + 1) };
}

/** E16: `TeamName#<name_1>,<name_2>,…#<agent_full_name>`. */
export function teamInfoNames(a: EventArgs): EventBody<'teamInfoNames'> {
  const at = afterMarker(a, 'TeamName');
  return { kind: 'teamInfoNames', teamNames: listOf(a.at(at)), fullName: a.at(at + 1) };
}

/** E20, marked "Not Using" in the document: `<teamID>#<agent_state>`. */
export function teamMemberStateChanged(a: EventArgs): EventBody<'teamMemberStateChanged'> {
  a.expectAtMost(2);
  return { kind: 'teamMemberStateChanged', teamId: a.at(0), state: a.at(1) };
}

/** E21: `<extension_1>,<extension_2>,…`. */
export function conferenceParticipants(a: EventArgs): EventBody<'conferenceParticipants'> {
  a.expectAtMost(1);
  return { kind: 'conferenceParticipants', extensions: listOf(a.at(0)) };
}

/** Where the list starts: after the literal marker field, or at the first field when the marker is missing. */
function afterMarker(a: EventArgs, marker: string): number {
  const first = a.at(0);
  if (first !== undefined && first.toLowerCase() === marker.toLowerCase()) {
    a.expectAtMost(3);
    return 1;
  }
  a.warnings.push(`${a.type} lacks its "${marker}" marker field${first ? ` (found "${clip(first)}")` : ''}; the list is read from the first field`);
  a.expectAtMost(2);
  return 0;
}
