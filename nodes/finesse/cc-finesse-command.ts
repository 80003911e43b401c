import type { NodeDefinition, NodeMessage, NodeRedApi, NodeRedNode } from '../shared/node/node-red';
import { eventMessage } from '../shared/message';
import type { AgentLoginChange } from './client/agent-login-state';
import { GcCommandError } from './client/command-errors';
import type { GcLinkChange } from './client/gc-link-state';
import type { FinesseAgentNode } from './agent-node';
import { LOGIN_COMMANDS, commandRequest } from './command-request';
import { agentSummary, linkStatus } from './finesse-status';
import type { FinesseGcNode, GcUser } from './gc-node';

interface FinesseCommandDefinition extends NodeDefinition {
  gc: string;
  /** A cc-finesse-agent config node, optional (msg.agentId names any agent). */
  agent: string;
  /** A command name, "raw", or empty to take msg.command. */
  command: string;
  /** Seconds to wait for GC's answer. */
  timeout: number | string;
}

export = function register(RED: NodeRedApi): void {
  function CcFinesseCommand(this: NodeRedNode, config: FinesseCommandDefinition) {
    RED.nodes.createNode(this, config);
    const agentNode = (config.agent ? RED.nodes.getNode(config.agent) : null) as FinesseAgentNode | null;
    const gcNode = (RED.nodes.getNode(config.gc) ?? agentNode?.gcNode ?? null) as FinesseGcNode | null;
    const seconds = Number(config.timeout);
    const timeoutMs = Number.isFinite(seconds) && seconds > 0 ? Math.max(100, Math.round(seconds * 1000)) : 10000;
    let link: GcLinkChange | undefined;
    let shownText: string | undefined;
    const showStatus = () => {
      if (!link) return;
      const login = agentNode?.login;
      const detail = login ? agentSummary(login.agentId, login.state, login.agentState) : undefined;
      const status = linkStatus(link.to, link.reason, detail, link.event === 'start');
      // A state change arrives as a login change and an agent state together: show it once.
      if (status.text === shownText) return;
      shownText = status.text;
      this.status(status);
    };
    const user: GcUser = { node: this, linkChanged: (change) => { link = change; showStatus(); } };
    const session = gcNode?.acquire(user);
    if (!gcNode) {
      this.status({ fill: 'red', shape: 'dot', text: 'no GC configured' });
      this.error('No GC configured: open the node and pick or add a cc-finesse-gc');
    }
    const login = agentNode?.login;
    const onLogin = (_change?: AgentLoginChange) => showStatus();
    login?.on('change', onLogin);
    login?.on('agent-state', onLogin);

    this.on('input', (msg: NodeMessage, send, done) => {
      const fail = (err: GcCommandError | Error) => {
        const failure = err instanceof GcCommandError ? err : undefined;
        const out: NodeMessage = { ...msg, error: { message: err.message, code: failure?.failure ?? 'invalid-command', errorName: failure?.errorName, correlationId: failure?.correlationId } };
        if (failure?.reply?.parsed.ok) {
          out.payload = structuredClone(failure.reply.parsed.payload);
          out.stomp = { ...failure.reply.headers };
        }
        send([null, out]);
        done(err);
      };
      if (!session) return fail(new Error('no GC session: configure a cc-finesse-gc'));
      let request;
      try {
        request = commandRequest(msg, {
          command: config.command,
          agentId: agentNode?.agentId,
          argumentDefaults: agentNode?.argumentDefaults() ?? {},
          clientDestination: session.clientDestination,
          timeoutMs,
        });
      } catch (err) {
        return fail(err as Error);
      }
      const sent = { name: request.name, type: request.encoded.type };
      // A person logging the agent in by hand wants it kept logged in again, even after SESSION_INVALIDATED.
      if (LOGIN_COMMANDS.has(request.name) && login && request.command.agentId === login.agentId) login.noteLogin(`${request.name} sent by ${this.name || this.id}`);
      session.command(request.command).then((result) => {
        const commandInfo = { ...sent, correlationId: result.correlationId, elapsedMs: result.elapsedMs };
        const reply = result.reply;
        if (reply && reply.parsed.ok) {
          const own = { ...reply.parsed, payload: structuredClone(reply.parsed.payload) };
          const out = eventMessage('finesse', own, { name: 'stomp', meta: { ...reply.headers } }, reply.receivedAt) as unknown as NodeMessage;
          send([{ ...msg, ...out, command: commandInfo }, null]);
        } else if (reply) {
          send([{ ...msg, payload: reply.body, topic: 'unparsed', stomp: reply.headers, command: commandInfo }, null]);
        } else {
          send([{ ...msg, payload: { sent: true }, topic: request.name, command: commandInfo }, null]);
        }
        done();
      }, fail);
    });

    this.on('close', (_removed: boolean, done: () => void) => {
      login?.off('change', onLogin);
      login?.off('agent-state', onLogin);
      if (!gcNode || !session) return done();
      gcNode.release(user).then(done, () => done());
    });
  }
  RED.nodes.registerType('cc-finesse-command', CcFinesseCommand);
};
