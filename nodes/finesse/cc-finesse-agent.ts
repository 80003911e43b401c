import type { NodeRedApi } from '../shared/node/node-red';
import { onClose } from '../shared/node/shared-connection';
import { AgentLogin, type AgentCredentials } from './client/agent-login';
import type { AgentLoginChange } from './client/agent-login-state';
import { FINESSE_AGENT_CREDENTIALS, agentCredentials, loginArguments, type FinesseAgentDefinition, type FinesseAgentNode } from './agent-node';
import type { FinesseGcNode } from './gc-node';

export = function register(RED: NodeRedApi): void {
  function CcFinesseAgent(this: FinesseAgentNode, config: FinesseAgentDefinition) {
    RED.nodes.createNode(this, config);
    const self = this as { -readonly [K in keyof FinesseAgentNode]: FinesseAgentNode[K] };
    const gcNode = RED.nodes.getNode(config.gc) as FinesseGcNode | null;
    self.agentId = String(config.agentId ?? '').trim();
    self.gcNode = gcNode ?? undefined;
    let agent: AgentCredentials | undefined;
    try {
      agent = agentCredentials(config, this.credentials ?? {});
    } catch (err) {
      this.error(`Finesse agent "${config.name || self.agentId}": ${(err as Error).message}`);
    }
    self.loginArguments = () => (agent ? loginArguments(agent) : {});
    if (!gcNode) this.error(`Finesse agent "${config.name || self.agentId}": no GC configured; pick or add a cc-finesse-gc`);
    if (gcNode && agent && gcNode.agents.has(agent.agentId)) {
      this.warn(`agent ${agent.agentId} has another cc-finesse-agent node on this GC: both would log it in, and GC keeps one session per agent`);
    }
    // A config node shows no status: the link and the login show on the command nodes that use this agent.
    const lease = gcNode && agent ? gcNode.acquire(this, () => undefined) : undefined;
    if (lease && agent) {
      const agentId = agent.agentId;
      const login = new AgentLogin(lease.client, agent, { autoLogin: config.autoLogin !== false });
      self.login = login;
      // The login's own listeners on the session go with it, whether this node or its GC node closes first.
      lease.onRelease(() => {
        if (self.login === login) self.login = undefined;
        login.dispose();
      });
      lease.listen(login, 'change', (change: AgentLoginChange) => {
        if (change.to === 'failed' || change.to === 'invalidated') this.warn(`agent ${agentId}: ${change.reason ?? change.to}`);
        else this.debug(`agent ${agentId}: ${change.from} -> ${change.to} (${change.reason ?? change.event})`);
      });
      gcNode!.agents.set(agentId, this);
    }
    onClose(this, async () => {
      if (gcNode && agent && gcNode.agents.get(agent.agentId) === this) gcNode.agents.delete(agent.agentId);
      await lease?.release();
    });
  }
  RED.nodes.registerType('cc-finesse-agent', CcFinesseAgent, { credentials: FINESSE_AGENT_CREDENTIALS });
};
