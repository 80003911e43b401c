/**
 * The commands GC understands, keyed by the spelling the document prints, with the aliases and typos a client may
 * send (digest §6.1.3, §8 Q1-Q8). Matching is case-insensitive because whether GC is case-sensitive is unknown.
 */
export const GC_COMMANDS = {
  Hello: [],
  Beat: [],
  Connect: [],
  Login: [],
  MOBILEAGENTLOGIN: [],
  Logout: [],
  logoutwithreason: [],
  GetState: [],
  MakeNotReady: [],
  MakeNotReadyWithReason: [],
  MakeReady: [],
  MakeWorkReady: [],
  MakeWorkNotReady: [],
  MakeCall: [],
  AnswerCall: [],
  ReleaseCall: [],
  HoldCall: [],
  RetrieveCall: ['ReterieveCall'],
  Transfer_sst: ['BlindTransfer'],
  ConsultCall: ['CosultCall'],
  TransferCall: [],
  Conferencecall: [],
  GetDialogState: [],
  reasoncodelogout: [],
  reasoncodenotready: [],
  wrapupreasoncode: [],
  wrapup: [],
  update_call_variable: [],
  getallagents: [],
  getphonebooks: ['Get_Phonebooks'],
  getphonebookcontacts: ['Get_Phonebook_Contacts'],
  getteamphonebooks: ['getteamphonebook', 'Get_Team_PhoneBook'],
  getqueuelist: ['Get_Queue_Info'],
  silentmonitor: ['Silent_Monitor'],
  endsilentmonitor: ['End_Silent_Monitor'],
  dropparticipant: ['Drop_Participant'],
  getteamusers: ['Get_Team_Users'],
  bargein: ['BargIn_Call', 'bargeincall'],
  getteamuserstate: ['Get_Team_Users_State'],
  AcceptOutboundPreview: [],
  RejectOutboundPreview: [],
  CloseOutboundPreview: [],
  GETSKILLGROPU: ['GETSKILLGROUP'],
  GETSUPERVISOR: ['GETSUPERVISORS'],
  SHCEDULECALLBACK: ['SCHEDULECALLBACK'],
  UPDATECALLBACK: [],
  CANCELSHCEDULECALLBACK: ['CANCELSCHEDULECALLBACK'],
  RECLASSIFYCALL: [],
} as const satisfies Record<string, readonly string[]>;

export type GcCommand = keyof typeof GC_COMMANDS;

const BY_LOWER_NAME = new Map<string, GcCommand>();
for (const [name, aliases] of Object.entries(GC_COMMANDS) as [GcCommand, readonly string[]][]) {
  for (const spelling of [name, ...aliases]) BY_LOWER_NAME.set(spelling.toLowerCase(), name);
}

export function lookupCommand(spelling: string): GcCommand | undefined {
  return BY_LOWER_NAME.get(spelling.toLowerCase());
}

export interface ParsedType {
  /** The command part as sent (trimmed). */
  spelling: string;
  /** Undefined for a command GC does not know. */
  command: GcCommand | undefined;
  /** The agent login id or the client destination. */
  target: string;
}

/**
 * Splits a JMS-Type at its first '#'. Blanks after the '#' (`AnswerCall# 1001`) and the doubled '#' of
 * `getallagents##1001` are typography, not part of the target.
 */
export function parseCommandType(type: string): ParsedType {
  const hash = type.indexOf('#');
  const spelling = (hash < 0 ? type : type.slice(0, hash)).trim();
  let target = hash < 0 ? '' : type.slice(hash + 1);
  let start = 0;
  while (start < target.length && (target[start] === '#' || target[start] === ' ')) start++;
  if (start > 0) target = target.slice(start);
  target = target.trim();
  return { spelling, command: lookupCommand(spelling), target };
}

/** Commands whose body carries a password; their bodies are never shown verbatim. */
const PASSWORD_POSITIONS: Partial<Record<GcCommand, number>> = { Connect: 1, Login: 0, MOBILEAGENTLOGIN: 0 };

export function maskedBody(command: GcCommand | undefined, body: string): string {
  const position = command === undefined ? undefined : PASSWORD_POSITIONS[command];
  if (position === undefined) return body;
  const args = body.split(',');
  // Everything from the password on is hidden for Connect: its third argument may be an SSO token.
  const end = command === 'Connect' ? args.length : position + 1;
  for (let i = position; i < end && i < args.length; i++) args[i] = '***';
  return args.join(',');
}
