import type { NodeDefinition, NodeMessage, NodeRedApi, NodeRedNode } from '../shared/node/node-red';
import { StatusDisplay } from '../shared/node/status-display';
import { clip } from '../shared/status';
import { alertMessage, changeMessage, rosterMessage } from './agent-messages';
import { agentStateSettings, agentWanted, type AgentStateDefinition, type AgentStateSettings } from './agent-state-settings';
import { AlertWatch } from './alerts';
import { agentMappers } from './mappers';
import { AGENT_VENDORS, type AgentSourceMessage, type AgentVendor } from './model';
import { AgentRoster } from './roster';
import { seedRoster } from './seed-roster';
import type { KafkaBrokerNode } from '../kafka/kafka-broker-node';

interface ContextStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

interface NodeContext extends ContextStore {
  flow?: ContextStore;
}

/** How often the roster is written to the node's context, at most (and once more on close). */
const SAVE_EVERY_MS = 2000;
const TICK_MS = 1000;
/** Live messages held back while the seed topic is read, at most. */
const MAX_WAITING = 10000;

export = function register(RED: NodeRedApi): void {
  function CcAgentState(this: NodeRedNode & { context(): NodeContext }, config: NodeDefinition & AgentStateDefinition) {
    RED.nodes.createNode(this, config);
    let settings: AgentStateSettings;
    try {
      settings = agentStateSettings(config);
    } catch (err) {
      const problem = (err as Error).message;
      this.status({ fill: 'red', shape: 'dot', text: clip(`error: ${problem}`) });
      this.error(problem);
      this.on('input', (_msg, _send, done) => done(new Error(problem)));
      return;
    }
    const mappers = agentMappers(settings.vendors);
    const roster = new AgentRoster({ onLimit: (message) => this.warn(message) });
    const alerts = new AlertWatch(settings.thresholds);
    // Flow context, keyed by the node: Node-RED deletes a node's own context whenever the node closes unless a
    // context store is configured, which would lose the roster on every redeploy.
    const own = this.context();
    // A node outside any flow (as in some test harnesses) has no flow context: its own is the fallback.
    const context = own.flow ?? own;
    const contextKey = `cc-agent-state:${this.id}`;
    roster.restore(context.get(contextKey));
    let unsaved = false;
    const save = () => {
      if (!unsaved) return;
      unsaved = false;
      context.set(contextKey, roster.store());
    };
    const display = new StatusDisplay(this, () => ({ fill: 'green', shape: 'dot', text: `${roster.size} agents · ${roster.counts().READY} READY` }));
    display.now();

    const saveTimer = setInterval(save, SAVE_EVERY_MS);
    const tick = setInterval(() => {
      if (roster.forgetLoggedOut(settings.forgetAfterMs) > 0) {
        unsaved = true;
        alerts.prune(roster);
        display.soon();
      }
      const raised = alerts.check(roster).map(alertMessage);
      if (raised.length > 0) this.send([null, null, raised] as never);
    }, TICK_MS);
    const rosterTimer = settings.rosterIntervalMs > 0 ? setInterval(() => this.send([null, rosterMessage(roster), null]), settings.rosterIntervalMs) : undefined;

    const handle = (msg: NodeMessage, send: (msg: never) => void, done: (err?: unknown) => void): void => {
      if (msg.topic === 'snapshot') {
        send([null, rosterMessage(roster), null] as never);
        return done();
      }
      const event = (msg as AgentSourceMessage).event;
      const vendor = event && typeof event === 'object' ? event.vendor : undefined;
      if (typeof vendor !== 'string' || !(AGENT_VENDORS as readonly string[]).includes(vendor)) {
        return done(new Error('cc-agent-state expects messages from the pack\'s source and command nodes (msg.event.vendor is one of ' +
          `${AGENT_VENDORS.join(', ')}), or msg.topic "snapshot" to ask for the roster; this message has ${vendor === undefined ? 'no msg.event.vendor' : `msg.event.vendor ${JSON.stringify(vendor)}`}`));
      }
      const mapper = mappers.get(vendor as AgentVendor);
      if (!mapper) return done();
      const receivedAt = typeof event?.receivedAt === 'string' ? event.receivedAt : new Date().toISOString();
      const changes: NodeMessage[] = [];
      const ended: NodeMessage[] = [];
      for (const observation of mapper.map(msg as AgentSourceMessage)) {
        if (!agentWanted(settings, vendor as AgentVendor, observation.agentId)) continue;
        const change = roster.apply(vendor as AgentVendor, observation, receivedAt);
        unsaved = true;
        if (!change) continue;
        changes.push(changeMessage(change));
        const end = alerts.changed(change);
        if (end) ended.push(alertMessage(end));
      }
      if (changes.length > 0 || ended.length > 0) {
        send([changes.length > 0 ? changes : null, null, ended.length > 0 ? ended : null] as never);
        display.soon();
      }
      done();
    };

    // While the seed topic is read, live input waits (bounded), so it is applied after what it may supersede.
    let waiting: [NodeMessage, (msg: never) => void, (err?: unknown) => void][] | undefined = settings.seed ? [] : undefined;
    this.on('input', (msg: NodeMessage, send, done) => {
      if (!waiting) return handle(msg, send as never, done);
      if (waiting.length >= MAX_WAITING) return done(new Error(`still reading the seed topic: ${MAX_WAITING} messages wait already, this one is refused`));
      waiting.push([msg, send as never, done]);
    });
    if (settings.seed) {
      const seed = settings.seed;
      this.status({ fill: 'yellow', shape: 'ring', text: clip(`seeding from ${seed.topic}`) });
      seedRoster(RED.nodes.getNode(seed.broker) as KafkaBrokerNode | null, this, seed.topic, roster).then((report) => {
        if (report.unreadable > 0) this.warn(`seed topic ${seed.topic}: ${report.unreadable} records were not agent snapshots and were skipped (${report.firstProblem})`);
        this.log(`seeded ${report.agents} agents from ${seed.topic}`);
      }, (err: Error) => {
        this.error(`reading the seed topic ${seed.topic} failed, going on with live input only: ${err.message}`);
      }).finally(() => {
        unsaved = true;
        const queued = waiting ?? [];
        waiting = undefined;
        for (const [msg, send, done] of queued) handle(msg, send, done);
        display.now();
      });
    }

    this.on('close', (removed: boolean, done: () => void) => {
      clearInterval(saveTimer);
      clearInterval(tick);
      clearInterval(rosterTimer);
      display.close();
      if (removed) context.set(contextKey, undefined);
      else save();
      done();
    });
  }
  RED.nodes.registerType('cc-agent-state', CcAgentState);
};
