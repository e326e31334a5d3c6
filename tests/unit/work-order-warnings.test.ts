// The lead's home warns of work orders past or on their last day, the soonest due first.
import { describe, expect, it } from 'vitest';
import type { WorkOrderView } from '../../electron/contract/work-orders.js';
import { dueOf, warnedOrders } from '../../renderer/staff/work-orders/work-order-warnings.js';

const order = (id: number, state: WorkOrderView['state'], warning: WorkOrderView['warning'], callbackDue: string, rectifyDue: string) =>
  ({ id, state, warning, callbackDue, rectifyDue }) as WorkOrderView;

describe('work-order warnings on the home screen', () => {
  it('owes the call-back first, then the rectification', () => {
    expect(dueOf(order(1, 'open', 'none', '2026-03-03', '2026-03-09'))).toBe('2026-03-03');
    expect(dueOf(order(1, 'called-back', 'none', '2026-03-03', '2026-03-09'))).toBe('2026-03-09');
  });

  it('lists red and yellow orders apart, the soonest due first; none and closed orders are left out', () => {
    const orders = [
      order(1, 'called-back', 'red', '2026-03-02', '2026-03-06'),
      order(2, 'open', 'red', '2026-03-03', '2026-03-09'),
      order(3, 'open', 'yellow', '2026-03-10', '2026-03-16'),
      order(4, 'open', 'none', '2026-03-11', '2026-03-17'),
      order(5, 'closed', 'red', '2026-03-01', '2026-03-05'),
    ];
    const warned = warnedOrders(orders);
    expect(warned.red.map((o) => o.id)).toEqual([2, 1]);
    expect(warned.yellow.map((o) => o.id)).toEqual([3]);
  });
});
