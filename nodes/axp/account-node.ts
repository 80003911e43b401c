import type { NodeDefinition, NodeRedNode } from '../shared/node/node-red';
import { SharedConnection } from '../shared/node/shared-connection';
import { checkAccount, type AxpAccountSettings } from './client/account-settings';
import { AxpSubscriptionsApi } from './client/subscriptions-api';
import { AxpTokenSource } from './client/token-source';

export interface AxpAccountDefinition extends NodeDefinition {
  apiHost: string;
  accountId: string;
  tokenUrl: string;
  rejectUnauthorized: boolean;
  allowUnencrypted?: boolean;
}

export const AXP_ACCOUNT_CREDENTIALS = {
  clientId: { type: 'password' },
  clientSecret: { type: 'password' },
  appKey: { type: 'password' },
} as const;

/** Shown on every node using an account whose certificate check is off, and logged once. */
export const CERTIFICATE_CAVEAT = 'certificate NOT verified';

export function accountSettings(config: AxpAccountDefinition, credentials: Record<string, string | undefined>): AxpAccountSettings {
  return {
    apiHost: String(config.apiHost ?? ''),
    accountId: String(config.accountId ?? '').trim(),
    clientId: (credentials.clientId ?? '').trim(),
    clientSecret: credentials.clientSecret ?? '',
    appKey: credentials.appKey || undefined,
    tokenUrl: config.tokenUrl || undefined,
    rejectUnauthorized: config.rejectUnauthorized !== false,
    allowUnencrypted: config.allowUnencrypted === true,
  };
}

/**
 * Work a user still does on the account after it has left: a stream deleting its subscription needs the token
 * source. Node-RED closes every node of a flow at once, so the account's close waits for such work (bounded itself).
 */
export class LeavingWork {
  private readonly pending = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const done = () => this.pending.delete(work);
    work.then(done, done);
    return work;
  }

  async settled(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }
}

/** What a cc-axp-events node gets from its account: the shared token and the REST API. */
export interface AxpAccountClients {
  settings: AxpAccountSettings;
  tokens: AxpTokenSource;
  api: AxpSubscriptionsApi;
  leaving: LeavingWork;
}

/** What cc-axp-events sees of its cc-axp-account. */
export interface AxpAccountNode extends NodeRedNode {
  connection: SharedConnection<AxpAccountClients>;
}

/**
 * The connection behind one cc-axp-account: one token source shared by every user's REST calls and socket
 * authentications, and the REST API, opened with the first user and ended with the last. Settings that cannot
 * work, or would send a secret unencrypted to another machine, are refused there, before any request or lookup.
 */
export function axpAccountConnection(owner: NodeRedNode, settings: () => AxpAccountSettings, rejectUnauthorized: boolean): SharedConnection<AxpAccountClients> {
  const connection: SharedConnection<AxpAccountClients> = new SharedConnection<AxpAccountClients>(owner, {
    kind: 'AXP account',
    open: () => {
      const current = settings();
      checkAccount(current);
      const tokens = new AxpTokenSource(current);
      connection.listen(tokens, 'refused', (message: string) => owner.warn(message));
      return { settings: current, tokens, api: new AxpSubscriptionsApi(current, tokens), leaving: new LeavingWork() };
    },
    // Once the users' streams have deleted their subscriptions, what is left is a token request that may be under way.
    close: async (clients) => {
      await clients.leaving.settled();
      clients.tokens.close();
    },
    caveat: rejectUnauthorized ? undefined : CERTIFICATE_CAVEAT,
  });
  return connection;
}
