// 本次办理事项 for the ticket being served: loaded from the cases received for it whenever the ticket
// changes (coming back from an intake remounts the counter, so it loads again), plus the clerk's edits.
import { useEffect, useState } from 'react';
import type { TicketView } from '../../shared/queue-contract';
import type { IntakeApi } from '../intake/intake-api';
import { addHandled, mergeHandled, type HandledItem } from './handled-items';

export function useHandledItems(cases: IntakeApi, current: TicketView | null) {
  const [items, setItems] = useState<HandledItem[]>([]);
  const id = current?.id ?? null;
  const serving = current?.status === 'serving';
  useEffect(() => {
    setItems([]);
    if (id === null || !serving) return;
    let live = true;
    cases.ticketCases(id).then((list) => live && setItems((old) => mergeHandled(list, old)), () => undefined);
    return () => {
      live = false;
    };
  }, [cases, id, serving]);
  return {
    items,
    add: (item: { code: string; name: string }) => setItems((old) => addHandled(old, item)),
    remove: (code: string) => setItems((old) => old.filter((i) => i.code !== code)),
  };
}
