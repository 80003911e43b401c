import type { CommandArgument } from './types';

/** Builders for catalogue rows, and the arguments many commands share. */

export function required(name: string, label: string): CommandArgument {
  return { name, label, required: true };
}

export function optional(name: string, label: string): CommandArgument {
  return { name, label, required: false };
}

/** A fixed token; the document shows it as `<ACCEPT>` and calls it a "String parameter" (§8 Q12). */
export function literal(token: string): CommandArgument {
  return { name: 'action', label: `Fixed token ${token}`, required: true, literal: token };
}

export const dialogId = (label = 'Dialog ID'): CommandArgument => required('dialog_id', label);

export const agentPassword = required('agent_password', 'Agent password');
export const agentExtension = required('agent_extension', 'Agent extension (the phone the agent logs in on)');
export const reasonCode = (label: string): CommandArgument => required('reason_code', label);
export const agentExtensionOf = (label: string): CommandArgument => required('agent_extension', label);
export const targetMediaAddress = required('target_media_address', 'Extension of the requesting agent (targetMediaAddress)');
export const callVariables: CommandArgument = {
  name: 'variables',
  label: 'Call variables: {name: value}, [[name, value], ...] or "name=value|name=value"',
  required: true,
  format: 'call-variables',
};
