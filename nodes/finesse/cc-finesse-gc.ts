import type { NodeRedApi } from '../shared/node/node-red';
import { onClose } from '../shared/node/shared-connection';
import { GcConnection } from './gc-connection';
import { FINESSE_GC_CREDENTIALS, gcCaveat, gcSessionOptions, type FinesseGcDefinition, type FinesseGcNode } from './gc-node';
import { registerCommandCatalogue } from './command-catalogue-endpoint';

export = function register(RED: NodeRedApi): void {
  function CcFinesseGc(this: FinesseGcNode, config: FinesseGcDefinition) {
    RED.nodes.createNode(this, config);
    const self = this as { -readonly [K in keyof FinesseGcNode]: FinesseGcNode[K] };
    const connection = new GcConnection(this, () => gcSessionOptions(config, this.credentials ?? {}), gcCaveat(config));
    self.connection = connection;
    self.agents = new Map();
    self.acquire = (user, render) => connection.acquire(user, render);
    onClose(this, async () => {
      this.agents.clear();
      await connection.close();
    });
  }
  RED.nodes.registerType('cc-finesse-gc', CcFinesseGc, { credentials: FINESSE_GC_CREDENTIALS });
  registerCommandCatalogue(RED);
};
