// Which open work orders the lead's home warns of, like a case's time limit: red (the step owed now is
// past its day) first, then yellow (its last day), the soonest due first. Pure.
import type { WorkOrderView } from '../../../electron/contract/work-orders.js';

/** The day the step owed now is due: the call-back until it is recorded, then the rectification. */
export function dueOf(o: Pick<WorkOrderView, 'state' | 'callbackDue' | 'rectifyDue'>): string {
  return o.state === 'open' ? o.callbackDue : o.rectifyDue;
}

export function warnedOrders(orders: readonly WorkOrderView[]): { red: WorkOrderView[]; yellow: WorkOrderView[] } {
  const warned = (level: 'red' | 'yellow') =>
    orders.filter((o) => o.state !== 'closed' && o.warning === level).sort((a, b) => dueOf(a).localeCompare(dueOf(b)) || a.id - b.id);
  return { red: warned('red'), yellow: warned('yellow') };
}
