/** The outgoing side of MakeCall and ConsultCall: INITIATED -> (ringMs) ALERTING -> answered by an agent or the far end. */
import { connect, join, notify, offer } from './call-model';
import { SimContext } from './context';
import { readyAgentOn } from './dialog-args';
import { Dialog } from './model';
import { Reply } from './reply';

export function scheduleRing(sim: SimContext, dialog: Dialog, number: string): void {
  dialog.timer = sim.timers.after(sim.opts.ringMs, () => ring(sim, dialog, number));
}

/**
 * The dialled number rings. A READY simulated agent on that extension is offered the call and connects it by
 * answering; any other number is a far end that answers by itself after answerMs.
 */
function ring(sim: SimContext, dialog: Dialog, number: string): void {
  dialog.timer = undefined;
  const dialler = dialog.participants.find((p) => p.role === 'caller' || p.role === 'consulter');
  if (!dialler || !sim.registry.dialogs.has(dialog.id)) return;
  const reply = Reply.async(sim.outbox);
  dialog.state = 'ALERTING';
  dialler.state = 'ALERTING';
  const callee = readyAgentOn(sim, number);
  if (callee) {
    offer(sim, reply, dialog, callee);
    notify(sim, reply, dialog, dialler);
    return;
  }
  join(sim, dialog, { address: number, state: 'ALERTING', role: 'far' });
  notify(sim, reply, dialog, dialler);
  dialog.timer = sim.timers.after(sim.opts.answerMs, () => connect(sim, Reply.async(sim.outbox), dialog));
}
