/**
 * The two polymorphic members of a job statistics handler (digest §4.6): `pacingParameter`, a
 * PacingParameter subclass chosen by `pacingType`, and `licenseInfoList`, whose items are a
 * LicenseInfo subclass chosen by the pacing. Each is one loose object typing the union of its
 * subclasses' fields; the subclass is inferred afterwards for `details.subclasses`.
 */
import { channelType, PACING_TYPES, pacingType } from './enums';
import { flag, num, numId, oneOf, text } from './fields';
import { listOf, nested } from './shape';

/** Printed `Asa` and `SI`; the latter is read as service level (`Sl`, an I/l OCR slip, §7). */
const INBOUND_SKILL_PARAMETERS = nested(
  'InboundSkillParametersMap',
  { asa: num, sl: num, qLength: num, ewtHigh: num, ewtMed: num, ewtLow: num },
  { SI: 'sl' },
);

export const PACING_PARAMETER = nested(
  'PacingParameter',
  {
    pacingType,
    // Agent-based pacings (CruiseControl, Preview, Manual, ECR, Progressive)
    minAgent: num,
    maxAgent: num,
    // Printed `priority` for CruiseControl and `Priority` elsewhere.
    priority: num,
    acwTime: num,
    numOfACWExtns: num,
    defaultCompCode: text,
    // CruiseControl
    desiredServiceLevel: num,
    currentServiceLevel: num,
    // Preview, Manual: the document says "set to Yes"
    timedPreview: flag,
    canCancel: flag,
    // ECR
    percentHandleTime: num,
    percentUpdateTime: num,
    minHitRate: num,
    initialHitRate: num,
    ecrProbType: oneOf(['Agent Update Time', 'Agent Work Time']),
    // Progressive
    overdialRatio: num,
    // Port-based pacings (Custom, SkillBased, TimeBased, None)
    channelType,
    maxPorts: num,
    minPorts: num,
    // SkillBased; the interval units are prose in the document ("seconds, minutes or hours")
    initialPace: num,
    callPacingInterval: text,
    inbSkillToMonitorName: text,
    inboundPacingEnum: oneOf(['QueueLength', 'AvgSpeedAnswer', 'ExpectedWaitTime', 'ServiceLevel']),
    desiredASA: num,
    desiredEWT: num,
    ewtLevels: oneOf(['high', 'med', 'low']),
    desiredQLength: num,
    desiredSL: num,
    pacingInterval: text,
    maxPace: num,
    inboundSkillParametersMap: INBOUND_SKILL_PARAMETERS,
    // TimeBased, printed `Pace`
    pace: num,
  },
);

export const LICENSE_INFO_LIST = listOf(
  nested('LicenseInfo', {
    zoneId: numId,
    zoneName: text,
    allocationType: oneOf(['Reserved', 'Dynamic']),
    agtWebAPILicCount: num,
    extSelLicCnt: num,
    predLicCnt: num,
    prevLicCnt: num,
    manualLicCnt: num,
    ports: num,
  }),
);

const PACING_PARAMETER_CLASS: ReadonlyMap<string, string> = new Map([
  ['ECR', 'ECRPacingParameterInfo'],
  ['CruiseControl', 'CruiseControlPacingParameterInfo'],
  // No subclass is documented for CruiseControlW; it presumably shares CruiseControl's (§4.6).
  ['CruiseControlW', 'CruiseControlPacingParameterInfo'],
  ['Progressive', 'ProgressivePacingParameterInfo'],
  ['Custom', 'CustomPacingParameterInfo'],
  ['Preview', 'PreviewPacingParameterInfo'],
  ['TimeBased', 'TimeBasedPacingParameterInfo'],
  ['SkillBased', 'SkillBasedPacingParameterInfo'],
  ['None', 'NonePacingParameterInfo'],
  ['Manual', 'ManualPacingParameterInfo'],
]);

/** The document's pacing → LicenseInfo subclass table. */
const LICENSE_CLASS_BY_PACING: ReadonlyMap<string, string> = new Map(
  PACING_TYPES.map((pacing) => {
    if (pacing === 'Manual') return [pacing, 'ManualLicenseInfo'];
    if (pacing === 'Preview') return [pacing, 'PreviewLicenseInfo'];
    if (pacing === 'ECR' || pacing.startsWith('CruiseControl') || pacing === 'Progressive') return [pacing, 'AgentBasedLicense'];
    return [pacing, 'AgentLessLicense'];
  }),
);

export function pacingParameterClass(parameter: Record<string, unknown>): string {
  return PACING_PARAMETER_CLASS.get(parameter.pacingType as string) ?? 'PacingParameter';
}

/** By the handler's pacing type, as the document maps them; failing that, by the members present. */
export function licenseInfoClass(license: Record<string, unknown>, pacing: unknown): string {
  const byPacing = LICENSE_CLASS_BY_PACING.get(pacing as string);
  if (byPacing !== undefined) return byPacing;
  if (license.manualLicCnt != null) return 'ManualLicenseInfo';
  if (license.prevLicCnt != null) return 'PreviewLicenseInfo';
  if (license.ports != null) return 'AgentLessLicense';
  if (license.agtWebAPILicCount != null || license.extSelLicCnt != null || license.predLicCnt != null) return 'AgentBasedLicense';
  return 'LicenseInfo';
}
