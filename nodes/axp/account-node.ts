import type { NodeDefinition, NodeRedNode } from '../shared/node/node-red';
import { checkAccount, type AxpAccountSettings } from './client/account-settings';
import { AxpSubscriptionsApi } from './client/subscriptions-api';
import { AxpTokenSource } from './client/token-source';

export interface AxpAccountDefinition extends NodeDefinition {
  apiHost: string;
  accountId: string;
  tokenUrl: string;
  rejectUnauthorized: boolean;
}

export const AXP_ACCOUNT_CREDENTIALS = {
  clientId: { type: 'password' },
  clientSecret: { type: 'password' },
  appKey: { type: 'password' },
} as const;

export function accountSettings(config: AxpAccountDefinition, credentials: Record<string, string | undefined>): AxpAccountSettings {
  return {
    apiHost: String(config.apiHost ?? ''),
    accountId: String(config.accountId ?? '').trim(),
    clientId: (credentials.clientId ?? '').trim(),
    clientSecret: credentials.clientSecret ?? '',
    appKey: credentials.appKey || undefined,
    tokenUrl: config.tokenUrl || undefined,
    rejectUnauthorized: config.rejectUnauthorized !== false,
  };
}

/** What a cc-axp-events node gets from its account: the shared token and the REST API. */
export interface AxpAccountClients {
  settings: AxpAccountSettings;
  tokens: AxpTokenSource;
  api: AxpSubscriptionsApi;
}

/** What cc-axp-events sees of its cc-axp-account. */
export interface AxpAccountNode extends NodeRedNode {
  acquire(user: NodeRedNode): AxpAccountClients | undefined;
  release(user: NodeRedNode): void;
}

/**
 * The state behind one cc-axp-account: one token source shared by every user's REST calls and socket
 * authentications (Node-RED's MQTT broker node is the model for the user count), made with the first user
 * and dropped with the last.
 */
export class AxpAccountUsers {
  private clients: AxpAccountClients | undefined;
  private readonly users = new Set<string>();

  constructor(private readonly owner: NodeRedNode, private readonly settings: () => AxpAccountSettings) {}

  acquire(user: NodeRedNode): AxpAccountClients | undefined {
    if (!this.clients) {
      let settings: AxpAccountSettings;
      try {
        settings = this.settings();
        checkAccount(settings);
      } catch (err) {
        const problem = (err as Error).message;
        user.status({ fill: 'red', shape: 'dot', text: `error: ${problem}`.slice(0, 60) });
        user.error(`AXP account "${this.owner.name || this.owner.id}": ${problem}`);
        return undefined;
      }
      const tokens = new AxpTokenSource(settings);
      tokens.on('refused', (message: string) => this.owner.warn(message));
      this.clients = { settings, tokens, api: new AxpSubscriptionsApi(settings, tokens) };
    }
    this.users.add(user.id);
    return this.clients;
  }

  release(user: NodeRedNode): void {
    this.users.delete(user.id);
    if (this.users.size > 0 || !this.clients) return;
    this.clients.tokens.removeAllListeners();
    this.clients = undefined;
  }

  close(): void {
    this.users.clear();
    this.clients?.tokens.removeAllListeners();
    this.clients = undefined;
  }
}
