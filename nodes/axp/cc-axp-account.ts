import type { NodeRedApi } from '../shared/node/node-red';
import { AXP_ACCOUNT_CREDENTIALS, AxpAccountUsers, accountSettings, type AxpAccountDefinition, type AxpAccountNode } from './account-node';

export = function register(RED: NodeRedApi): void {
  function CcAxpAccount(this: AxpAccountNode, config: AxpAccountDefinition) {
    RED.nodes.createNode(this, config);
    const users = new AxpAccountUsers(this, () => accountSettings(config, this.credentials ?? {}));
    this.acquire = (user) => users.acquire(user);
    this.release = (user) => users.release(user);
    this.on('close', (_removed: boolean, done: () => void) => {
      users.close();
      done();
    });
  }
  RED.nodes.registerType('cc-axp-account', CcAxpAccount, { credentials: AXP_ACCOUNT_CREDENTIALS });
};
