/**
 * Builders for the list events whose layouts the vendor document lost or cut short (digest §4.7,
 * E17–E19, E23–E25). Items are read as keyed records; an item that cannot be read is left out of
 * the list but stays in `args` and `raw`.
 */
import type { EventArgs } from './event-args';
import { keyedItems, pairsIn, type KeyedListFormat } from './fields';
import type { KeyedItem } from './payload-parts';
import type { EventBody } from './payload-schema';

/** `LoginId=…,Name=… Extension=…,…`: the document has a blank, not a comma, before `Extension=`. */
const AGENTS_LIST: KeyedListFormat = { pieces: /,|\s+(?=[A-Za-z_][\w.]*=)/, separator: '=' };
/** `FirstName:…,LastName:…,Extension:…,…`, and the phonebook and contact items. */
const COLON_PAIRS: KeyedListFormat = { pieces: /,/, separator: ':' };

/** `NoPhoneBookFound`, `NoContactFound`, `NoTeamPhoneBookFound`, in any spelling of the middle. */
const NOTHING_FOUND_RE = /^No\w*Found$/i;

/** E17: the three payload layouts are empty in the document, so segments are kept with any pairs found in them. */
export function queueList(a: EventArgs): EventBody<'queueList'> {
  const queues = a.args.map((segment) => segment.trim()).filter((segment) => segment !== '');
  return { kind: 'queueList', queues, fields: pairsIn(queues) };
}

/** E18 (headed "TeamUsersList" in the document): users separated by `|`. */
export function agentsList(a: EventArgs): EventBody<'agentsList'> {
  return { kind: 'agentsList', users: keyedItems(a.args, AGENTS_LIST) };
}

/**
 * E19, truncated in the document after `Extension:`; its field table adds loginID, state,
 * pendingState, mediaType, stateChangeTime and stateChangeLabel.
 */
export function teamUsersList(a: EventArgs): EventBody<'teamUsersList'> {
  return { kind: 'teamUsersList', users: keyedItems(a.args, COLON_PAIRS) };
}

/** E23: `name:<n>,type:<t>,id:<i>` items, or `NoPhoneBookFound`. */
export function phonebooks(a: EventArgs): EventBody<'phonebooks'> {
  const items = directory(a);
  return { kind: 'phonebooks', found: items.length > 0, phonebooks: items };
}

/** E24: `description:…,firstName:…,lastName:…,phoneNumber:…,id:…` items, or `NoContactFound`. */
export function phonebookContacts(a: EventArgs): EventBody<'phonebookContacts'> {
  const items = directory(a);
  return { kind: 'phonebookContacts', found: items.length > 0, contacts: items };
}

/** E25 (headed "TeamUsersList" in the document): as Phonebooks, or `NoTeamPhoneBookFound`. */
export function teamPhoneBooks(a: EventArgs): EventBody<'teamPhoneBooks'> {
  const items = directory(a);
  return { kind: 'teamPhoneBooks', found: items.length > 0, phonebooks: items };
}

/** The item separator is not shown in the document: `|`, `#` and a repeated key all start a new item. */
function directory(a: EventArgs): KeyedItem[] {
  if (a.length === 1 && NOTHING_FOUND_RE.test(a.args[0].trim())) return [];
  return keyedItems(a.args, COLON_PAIRS);
}
