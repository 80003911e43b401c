import type { NodeRedApi } from '../shared/node/node-red';
import { onClose } from '../shared/node/shared-connection';
import { AXP_ACCOUNT_CREDENTIALS, accountSettings, axpAccountConnection, type AxpAccountDefinition, type AxpAccountNode } from './account-node';

export = function register(RED: NodeRedApi): void {
  function CcAxpAccount(this: AxpAccountNode, config: AxpAccountDefinition) {
    RED.nodes.createNode(this, config);
    this.connection = axpAccountConnection(this, () => accountSettings(config, this.credentials ?? {}), config.rejectUnauthorized !== false);
    onClose(this, () => this.connection.close());
  }
  RED.nodes.registerType('cc-axp-account', CcAxpAccount, { credentials: AXP_ACCOUNT_CREDENTIALS });
};
