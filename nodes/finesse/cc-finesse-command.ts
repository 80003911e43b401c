import { setMaxListeners } from 'events';
import type { NodeDefinition, NodeMessage, NodeRedApi, NodeRedNode } from '../shared/node/node-red';
import { onClose } from '../shared/node/shared-connection';
import { eventMessage } from '../shared/message';
import type { NodeStatus } from '../shared/status';
import { GcCommandError } from './client/command-errors';
import type { GcLinkChange } from './client/gc-link-state';
import type { FinesseAgentNode } from './agent-node';
import { LOGIN_COMMANDS, commandRequest, type CommandRequest } from './command-request';
import { agentSummary, linkStatus } from './finesse-status';
import type { FinesseGcNode } from './gc-node';

interface FinesseCommandDefinition extends NodeDefinition {
  gc: string;
  /** A cc-finesse-agent config node, optional (empty: msg.agentId names the agent). */
  agent: string;
  /** A command name, "raw", or empty to take msg.command. */
  command: string;
  /** Argument values for the command, by argument name; empty ones come from msg.payload. */
  args?: Record<string, unknown>;
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
    const login = agentNode?.login;
    let link: GcLinkChange | undefined;
    let shownText: string | undefined;
    /** The status to show now, or undefined when it says what is already shown. */
    const nextStatus = (): NodeStatus | undefined => {
      if (!link) return undefined;
      const detail = login ? agentSummary(login.agentId, login.state, login.agentState) : undefined;
      const status = linkStatus(link.to, link.reason, detail, link.event === 'start');
      // A state change arrives as a login change and an agent state together: show it once.
      if (status.text === shownText) return undefined;
      shownText = status.text;
      return status;
    };
    const lease = gcNode?.acquire(this, (change) => { link = change; return nextStatus(); });
    if (!gcNode) {
      this.status({ fill: 'red', shape: 'dot', text: 'no GC configured' });
      this.error('No GC configured: open the node and pick or add a cc-finesse-gc');
    }
    if (lease && login) {
      const onLogin = () => {
        const status = nextStatus();
        if (status) lease.status(status);
      };
      lease.listen(login, 'change', onLogin);
      lease.listen(login, 'agent-state', onLogin);
    }
    // Aborted on close: commands still waiting for GC's answer end at once (closed) instead of at their timeout.
    const closing = new AbortController();
    setMaxListeners(0, closing.signal);

    this.on('input', (msg: NodeMessage, send, done) => {
      const fail = (err: Error) => {
        const failure = err instanceof GcCommandError ? err : undefined;
        const code = failure?.failure ?? ((err as { code?: unknown }).code === 'input-conflict' ? 'input-conflict' : 'invalid-command');
        const out: NodeMessage = { ...msg, error: { message: err.message, code, errorName: failure?.errorName, correlationId: failure?.correlationId } };
        if (failure?.reply?.parsed.ok) {
          out.payload = structuredClone(failure.reply.parsed.payload);
          out.stomp = { ...failure.reply.headers };
        }
        send([null, out]);
        done(err);
      };
      if (!lease) return fail(new Error('no GC session: configure a cc-finesse-gc'));
      const session = lease.client;
      let request: CommandRequest;
      try {
        request = commandRequest(msg, {
          command: config.command,
          agentId: agentNode?.agentId,
          args: config.args,
          loginArguments: agentNode?.loginArguments() ?? {},
          clientDestination: session.clientDestination,
          timeoutMs,
        });
      } catch (err) {
        return fail(err as Error);
      }
      const sent = { name: request.name, type: request.encoded.type };
      // A person logging the agent in by hand wants it kept logged in again, even after SESSION_INVALIDATED.
      if (LOGIN_COMMANDS.has(request.name) && login && request.command.agentId === login.agentId) login.noteLogin(`${request.name} sent by ${this.name || this.id}`);
      session.command({ ...request.command, signal: closing.signal }).then((result) => {
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

    onClose(this, async () => {
      closing.abort();
      await lease?.release();
    });
  }
  RED.nodes.registerType('cc-finesse-command', CcFinesseCommand);
};
