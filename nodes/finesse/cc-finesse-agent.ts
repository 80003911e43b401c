import type { NodeRedApi } from '../shared/node/node-red';
import { AgentLogin, type AgentCredentials } from './client/agent-login';
import type { AgentLoginChange } from './client/agent-login-state';
import { FINESSE_AGENT_CREDENTIALS, agentCredentials, type FinesseAgentDefinition, type FinesseAgentNode } from './agent-node';
import type { FinesseGcNode, GcUser } from './gc-node';

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
    self.argumentDefaults = () => (agent ? {
      agent_password: agent.password,
      agent_extension: agent.extension,
      ...(agent.dialNumber ? { dial_number: agent.dialNumber, connection_mode: String(agent.callByCall !== false) } : {}),
    } : {});
    const user: GcUser = { node: this, linkChanged: () => undefined };
    const session = gcNode && agent ? gcNode.acquire(user) : undefined;
    if (!gcNode) this.error(`Finesse agent "${config.name || self.agentId}": no GC configured; pick or add a cc-finesse-gc`);
    if (gcNode && agent && gcNode.agents.has(agent.agentId)) {
      this.warn(`agent ${agent.agentId} has another cc-finesse-agent node on this GC: both would log it in, and GC keeps one session per agent`);
    }
    if (session && agent) {
      const login = new AgentLogin(session, agent, { autoLogin: config.autoLogin !== false });
      self.login = login;
      login.on('change', (change: AgentLoginChange) => {
        if (change.to === 'failed' || change.to === 'invalidated') this.warn(`agent ${agent!.agentId}: ${change.reason ?? change.to}`);
        else this.debug(`agent ${agent!.agentId}: ${change.from} -> ${change.to} (${change.reason ?? change.event})`);
      });
      gcNode!.agents.set(agent.agentId, this);
    }
    this.on('close', (_removed: boolean, done: () => void) => {
      const login = self.login;
      self.login = undefined;
      login?.dispose();
      login?.removeAllListeners();
      if (gcNode && agent && gcNode.agents.get(agent.agentId) === this) gcNode.agents.delete(agent.agentId);
      if (!gcNode || !session) return done();
      gcNode.release(user).then(done, () => done());
    });
  }
  RED.nodes.registerType('cc-finesse-agent', CcFinesseAgent, { credentials: FINESSE_AGENT_CREDENTIALS });
};
