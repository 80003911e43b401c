import type { NodeRedApi } from '../shared/node/node-red';
import { FINESSE_GC_CREDENTIALS, GcSessionUsers, gcSessionOptions, type FinesseGcDefinition, type FinesseGcNode } from './gc-node';
import { registerCommandCatalogue } from './command-catalogue-endpoint';

export = function register(RED: NodeRedApi): void {
  function CcFinesseGc(this: FinesseGcNode, config: FinesseGcDefinition) {
    RED.nodes.createNode(this, config);
    const users = new GcSessionUsers(this, () => gcSessionOptions(config, this.credentials ?? {}));
    (this as { agents: Map<string, unknown> }).agents = new Map();
    this.acquire = (user) => users.acquire(user);
    this.release = (user) => users.release(user);
    this.on('close', (_removed: boolean, done: () => void) => {
      this.agents.clear();
      users.close().then(done, (err) => {
        this.warn(`closing the GC session: ${(err as Error).message}`);
        done();
      });
    });
  }
  RED.nodes.registerType('cc-finesse-gc', CcFinesseGc, { credentials: FINESSE_GC_CREDENTIALS });
  registerCommandCatalogue(RED);
};
