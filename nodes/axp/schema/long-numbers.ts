/**
 * JSON.parse rounds integers beyond 2^53, yet the vendor sends string-typed fields as bare
 * numbers (`"timestamp": 9223372036854776000`, digest §7.3). Before parsing, a long bare integer
 * under one of the document's string-typed member names is put in quotes, so its digits arrive
 * exactly as sent. Other members (undeclared ones included) are left alone.
 */

// Sixteen digits and more: every integer of 15 digits or fewer is exact in a double.
const LONG_BARE_NUMBER_RE = /:\s*-?\d{16}/;
const LONG_MEMBER_RE = /"([A-Za-z]+)"(\s*:\s*)(-?\d{16,})(?=\s*[,}])/g;

const STRING_TYPED_MEMBERS: ReadonlySet<string> = new Set([
  'timestamp', 'id', 'correlationId', 'subscriptionId', 'accountId', 'reasonCode', 'agentId', 'profileId',
  'engagementId', 'channelProviderId', 'connectionId', 'dialogId', 'previousDialogId', 'providerDialogId',
  'providerEngagementId', 'extension', 'externalParticipantId', 'automationParticipantId', 'initiatingAgentId',
  'providerAgentId', 'queueId', 'matchId', 'callingNumber', 'dialledNumber', 'sourceAddress', 'destinationAddress',
  'channelProviderAddress', 'destination',
]);

/**
 * In valid JSON a quoted word followed by a colon is a member name: a quote inside a string
 * value is escaped, so string values are never touched.
 */
export function quoteLongNumbers(json: string): string {
  if (!LONG_BARE_NUMBER_RE.test(json)) return json;
  return json.replace(LONG_MEMBER_RE, (member: string, name: string, colon: string, digits: string) =>
    (STRING_TYPED_MEMBERS.has(name) ? `"${name}"${colon}"${digits}"` : member));
}
