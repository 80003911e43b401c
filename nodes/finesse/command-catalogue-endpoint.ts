import type { NodeRedApi } from '../shared/node/node-red';
import { FINESSE_COMMANDS } from './schema/commands';
import { FINESSE_EVENT_TYPES } from './schema/events';

interface AdminApp {
  get(path: string, ...handlers: ((req: unknown, res: { json(body: unknown): void }, next?: () => void) => void)[]): void;
}

interface AdminRed extends NodeRedApi {
  httpAdmin?: AdminApp;
  auth?: { needsPermission(permission: string): (req: unknown, res: unknown, next: () => void) => void };
}

/**
 * The editor's command and event-type lists come from the schema through the admin API, so the dialog
 * never keeps a second copy of them. Read permission of the node type is required, as for the serial
 * node's port list.
 */
export function registerCommandCatalogue(RED: NodeRedApi): void {
  const red = RED as AdminRed;
  if (!red.httpAdmin || !red.auth) return;
  red.httpAdmin.get('/cc-finesse/catalogue', red.auth.needsPermission('cc-finesse-command.read') as never, (_req, res) => {
    res.json({
      commands: FINESSE_COMMANDS.map((c) => ({ name: c.name, type: c.type, target: c.target, group: c.group, description: c.description, documented: c.documented, caveat: c.caveat, expectsReply: c.expectsReply, args: c.args, secretArgs: c.secretArgs ?? [] })),
      events: FINESSE_EVENT_TYPES,
    });
  });
}
