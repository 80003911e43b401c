import type { KafkaBrokerNode } from '../kafka/kafka-broker-node';
import { runKafkaSourceNode } from '../shared/node/kafka-source-node';
import type { NodeDefinition, NodeRedApi, NodeRedNode } from '../shared/node/node-red';
import { connectionStatus } from '../shared/status';
import { heartbeatAlarmText, heartbeatMessage } from './heartbeat-messages';
import { HeartbeatWatchdog } from './heartbeat-watchdog';
import { pomSubscription } from './pom-topics';
import { orgOfTopic, parsePomEvent, type PomEvent, type PomFamily } from './schema';

interface PomEventsDefinition extends NodeDefinition {
  broker: string;
  org: string;
  families: string[];
  topics: Record<string, string>;
  groupId: string;
  onlyNew: boolean;
  commit: string;
  maxUnacked: number | string;
  outputMode: 'single' | 'family';
  heartbeatInterval: number | string;
  missedBeats: number | string;
}

function positiveNumber(value: unknown, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export = function register(RED: NodeRedApi): void {
  function CcPomEvents(this: NodeRedNode, config: PomEventsDefinition) {
    RED.nodes.createNode(this, config);
    const org = config.org?.trim() || 'Default';
    const groupId = config.groupId?.trim() || `node-red-pom-${this.id}`;
    let subscription;
    try {
      if (/\s/.test(groupId)) throw new Error(`Group ID "${groupId}" contains a space: POM consumers need a group id without spaces`);
      subscription = pomSubscription(config.families, org, config.topics);
    } catch (err) {
      this.status(connectionStatus({ state: 'error', reason: (err as Error).message }));
      this.error((err as Error).message);
      this.on('close', (_removed: boolean, done: () => void) => done());
      return;
    }
    const { families, topicOf, familyOf } = subscription;
    const perFamily = config.outputMode === 'family';
    const outputIndex = new Map(families.map((family, i) => [family, perFamily ? i : 0]));
    const outputOf = (family: PomFamily) => outputIndex.get(family) ?? 0;
    // Topics are fixed for the node's life: which org each belongs to is worked out once, not per record.
    const orgOf = new Map([...familyOf.keys()].map((topic) => [topic, orgOfTopic(topic)]));

    // The silence is timed from the first moment the broker served us: before that no beat could arrive.
    let watchdog: HeartbeatWatchdog | undefined;
    let watchTimer: NodeJS.Timeout | undefined;
    const watchHeartbeats = families.includes('HEART_BEAT');
    const startWatching = () => {
      watchdog = new HeartbeatWatchdog({ intervalMs: positiveNumber(config.heartbeatInterval, 30) * 1000, missedBeats: positiveNumber(config.missedBeats, 3), warn: (m) => this.warn(m) });
      const dog = watchdog;
      // A forgotten server can change the alarm without a change to report: the alarm text is refreshed each round.
      watchTimer = setInterval(() => {
        report(dog.check());
        control.setAlarm(heartbeatAlarmText(dog.alarms, dog.limitMs));
      }, Math.min(1000, dog.limitMs / 4));
    };

    const control = runKafkaSourceNode<PomEvent>(this, RED.nodes.getNode(config.broker) as KafkaBrokerNode | undefined, {
      vendor: 'pom',
      topics: [...topicOf.values()],
      groupId,
      // Switching onlyNew off means "lose nothing": a group without committed offsets reads what is retained.
      delivery: { commit: config.commit, maxUnacked: config.maxUnacked },
      fromBeginning: config.onlyNew === false,
      onlyNew: config.onlyNew !== false,
      eventOutputs: perFamily ? families.length : 1,
      parse: (text, record) => {
        const family = familyOf.get(record.meta.topic) as PomFamily;
        const parsed = parsePomEvent(family, text, record.meta.timestamp);
        if (parsed.ok) {
          const details = parsed.details ?? (parsed.details = {});
          details.org = orgOf.get(record.meta.topic) ?? details.org ?? null;
        }
        return parsed;
      },
      accept: (parsed) => {
        if (watchdog && parsed.family === 'HEART_BEAT') report(watchdog.beat(String(parsed.payload.serverName ?? 'unknown')));
        return true;
      },
      outputOf: (parsed) => outputOf(parsed.family as PomFamily),
      onState: ({ state }) => {
        if (watchHeartbeats && !watchdog && state === 'connected') startWatching();
      },
    });

    function report(changes: ReturnType<HeartbeatWatchdog['check']>) {
      if (!watchdog || changes.length === 0) return;
      for (const change of changes) control.send(outputOf('HEART_BEAT'), heartbeatMessage(change, watchdog.limitMs));
      control.setAlarm(heartbeatAlarmText(watchdog.alarms, watchdog.limitMs));
    }
    this.on('close', (_removed: boolean, done: () => void) => {
      clearInterval(watchTimer);
      done();
    });
  }
  RED.nodes.registerType('cc-pom-events', CcPomEvents);
};
