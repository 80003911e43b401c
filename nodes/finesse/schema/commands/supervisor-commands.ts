import { agentExtensionOf, dialogId, optional, required } from './arguments';
import type { CommandArgument, FinesseCommand } from './types';

const BLANK_TYPE = 'The document leaves this JMS type blank (§8 Q3); the type sent is a placeholder to confirm with the vendor, '
  + 'or replace with raw mode.';
const teamAgentLoginId = required('team_agent_login_id', 'Login ID of the team agent');
const phonebookId = required('phonebook_id', 'Phonebook ID');
const optionalTeamId = optional('team_id', 'Team ID (the document leaves the body blank)');
const monitoredAgent = agentExtensionOf('Extension of the agent to monitor');
const monitoringDialog = dialogId('Dialog ID of the monitoring call');

/** Digest §3.5: supervisor, team, queue and directory queries (rows 29–39, 43, 44). */
export const SUPERVISOR_COMMANDS: FinesseCommand[] = [
  {
    ...query('GetAllAgents', 'getallagents#', [], ['AgentsList'], 'List all logged-in users (admin user)'),
    documented: false,
    caveat: 'Sent with the double # the document prints (getallagents##<id>); whether that is a typo is open (§8 Q4). '
      + 'Use raw mode to send getallagents#<id>.',
  },
  placeholder('GetPhonebooks', 'getphonebooks', [], ['Phonebooks'], 'List the team and global phonebooks'),
  placeholder('GetPhonebookContacts', 'getphonebookcontacts', [phonebookId], ['PhonebookContacts'], 'List the contacts of one phonebook'),
  placeholder('GetTeamPhonebook', 'getteamphonebooks', [optionalTeamId], ['TeamPhoneBooks'], 'Get the phonebook of a team'),
  { ...query('GetQueueList', 'getqueuelist', [], ['QueueList'], 'List the queues with their statistics'), aliases: ['Get_Queue_Info'] },
  query('SilentMonitor', 'silentmonitor', [monitoredAgent], ['NewInboundCall', 'InboundCall'], 'Start silently monitoring a team agent'),
  placeholder('EndSilentMonitor', 'endsilentmonitor', [monitoringDialog], ['InboundCall'], 'End silent monitoring'),
  query(
    'DropParticipant',
    'dropparticipant',
    [agentExtensionOf('Extension of the participant to drop'), dialogId()],
    ['InboundCall', 'ConferenceParticipants'],
    'Drop a participant from a call',
  ),
  query(
    'GetTeamUsers',
    'getteamusers',
    [required('team_id', 'Team ID'), required('subscribe', 'Subscribe to team events: true or false')],
    ['TeamUsersList'],
    'List the users of a team and optionally subscribe to their events (body inferred: team ID, true|false)',
  ),
  {
    ...placeholder(
      'BargeIn',
      'bargein',
      [required('team_agent_extension', 'Extension of the team agent (the field table says login ID)'), dialogId()],
      ['InboundCall'],
      "Barge in on a team agent's call",
    ),
    aliases: ['BargIn_Call', 'BargeInCall', 'MakeBargeCall'],
  },
  placeholder('GetTeamUserState', 'getteamuserstate', [teamAgentLoginId], ['State', 'TeamUsersList'], 'Get the state of one team agent'),
  {
    ...query('GetSkillGroup', 'GETSKILLGROPU', [], [], 'List the skill groups from the database (UCCE only)'),
    documented: false,
    caveat: 'The document\'s type is cut off after "GETSKILLGROPU#<" and misspelt; it is sent as printed (§8 Q5, Q6). '
      + 'No reply event is documented.',
    aliases: ['SkillGroup', 'GETSKILLGROUP'],
  },
  {
    ...query('GetSupervisors', 'GETSUPERVISOR', [], [], 'List the supervisors from the database (UCCE only)'),
    documented: false,
    caveat: 'The document\'s type is cut off after "GETSUPERVISOR#<" (§8 Q5). No reply event is documented.',
    aliases: ['supervisors', 'GetSupervisorsList'],
  },
];

function query(name: string, type: string, args: CommandArgument[], replyTypes: string[], description: string): FinesseCommand {
  return { name, type, target: 'agent', args, expectsReply: true, replyTypes, group: 'supervisor', documented: true, description };
}

function placeholder(name: string, type: string, args: CommandArgument[], replyTypes: string[], description: string): FinesseCommand {
  return { ...query(name, type, args, replyTypes, description), documented: false, caveat: BLANK_TYPE };
}
