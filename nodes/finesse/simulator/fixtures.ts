/** Fixed data the simulator serves where GC would read Finesse's configuration: phonebooks and the demo roster. */
import { SimPhonebook } from './list-format';
import { SimAgent } from './options';

export const SIM_PHONEBOOKS: readonly SimPhonebook[] = [
  {
    id: '1', name: 'Global', type: 'GLOBAL',
    contacts: [
      { id: '101', firstName: 'Help', lastName: 'Desk', phoneNumber: '5900', description: 'IT help desk' },
      { id: '102', firstName: 'Billing', lastName: 'Team', phoneNumber: '5901', description: 'Billing questions' },
    ],
  },
  {
    id: '2', name: 'Team 1 contacts', type: 'TEAM', teamId: '1',
    contacts: [{ id: '201', firstName: 'Team', lastName: 'Lead', phoneNumber: '5004', description: 'Escalations' }],
  },
];

export const SIM_QUEUE_NAME = 'Default';

/** The CLI's default roster: agents 1001..1004, password 'secret', extensions 5001..5004; 1004 supervises team 1. */
export const DEFAULT_ROSTER: readonly SimAgent[] = [
  { id: '1001', password: 'secret', firstName: 'Sara', lastName: 'Khan', loginName: 'skhan', wrapUpMode: 'OPTIONAL' },
  { id: '1002', password: 'secret', firstName: 'Omar', lastName: 'Farooq', loginName: 'ofarooq', wrapUpMode: 'REQUIRED' },
  { id: '1003', password: 'secret', firstName: 'Lena', lastName: 'Weber', loginName: 'lweber', wrapUpMode: 'OPTIONAL' },
  { id: '1004', password: 'secret', firstName: 'Ravi', lastName: 'Patel', loginName: 'rpatel', wrapUpMode: 'NOT_ALLOWED', supervisor: true },
];

export const DEFAULT_EXTENSIONS: readonly string[] = ['5001', '5002', '5003', '5004'];
