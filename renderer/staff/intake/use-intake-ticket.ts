// The ticket an intake belongs to: the one in the address (#/intake?ticket=12, from the counter's
// button) or, when 前台受理 is opened from the menu, the ticket this clerk is serving at the window
// they hold — asked of the host, so it is right even after a reload or from another tab.
import { useEffect, useState } from 'react';
import { queueApi } from '../../shared/queue-api';
import type { TicketView } from '../../shared/queue-contract';
import { currentTicket, windowHolder } from '../counter/counter-model';
import { useStaff } from '../staff-context';
import type { IntakeApi } from './intake-api';

export interface IntakeTicket {
  id: number;
  number: string;
  categoryCode: string | null;
  categoryName: string | null;
}

export type IntakeTicketState = { state: 'loading' } | { state: 'none' } | { state: 'ticket'; ticket: IntakeTicket };

const fromView = (t: TicketView): IntakeTicket => ({ id: t.id, number: t.number, categoryCode: t.categoryCode, categoryName: t.categoryName });

export function useIntakeTicket(cases: IntakeApi, fromHash: { id: number; number: string | null } | null): IntakeTicketState {
  const { api, session } = useStaff();
  const [found, setFound] = useState<IntakeTicketState>({ state: 'loading' });
  const hashId = fromHash?.id ?? null;
  const hashNumber = fromHash?.number ?? null;
  useEffect(() => {
    let live = true;
    const settle = (value: IntakeTicketState) => live && setFound(value);
    if (hashId !== null) {
      // The address names it; its category comes from the host (a failure keeps the link, not the category).
      const bare: IntakeTicket = { id: hashId, number: hashNumber ?? `#${hashId}`, categoryCode: null, categoryName: null };
      cases.ticket(hashId).then(
        (t) => settle({ state: 'ticket', ticket: fromView(t) }),
        () => settle({ state: 'ticket', ticket: bare }),
      );
    } else {
      const queue = queueApi(api);
      (async () => {
        const mine = (await queue.windows()).filter((w) => windowHolder(w, session.user.id) === 'mine');
        for (const w of mine) {
          const serving = currentTicket(await queue.windowTickets(w.id));
          if (serving?.status === 'serving') return settle({ state: 'ticket', ticket: fromView(serving) });
        }
        settle({ state: 'none' });
      })().catch(() => settle({ state: 'none' }));
    }
    return () => {
      live = false;
    };
  }, [api, cases, session.user.id, hashId, hashNumber]);
  return found;
}
