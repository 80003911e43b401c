/** The scenario scripts by name, in the order the demo traffic plays them. */
import { agentShift } from './agent-shift';
import { inboundCall } from './inbound-call';
import { Scenario } from './kit';
import { outbound } from './outbound';
import { rona } from './rona';
import { supervision } from './supervision';
import { transfer, transferError } from './transfer';

export type AxpScenarioName = 'agentShift' | 'inboundCall' | 'rona' | 'outbound' | 'transfer' | 'transferError' | 'supervision';

export const SCENARIOS: Readonly<Record<AxpScenarioName, Scenario>> = {
  agentShift, inboundCall, rona, outbound, transfer, transferError, supervision,
};

export const SCENARIO_NAMES = Object.keys(SCENARIOS) as AxpScenarioName[];

export function isScenarioName(name: string): name is AxpScenarioName {
  return Object.prototype.hasOwnProperty.call(SCENARIOS, name);
}
