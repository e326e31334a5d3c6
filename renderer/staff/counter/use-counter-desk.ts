// The data of one window's counter: the window, its tickets today, the waiting per category, and
// the lists a transfer chooses from. Kept current by the host's events — never needs a reload.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { HallEvent } from '../../shared/contract';
import type { ConnectionState } from '../../shared/events-socket';
import { queueApi, type QueueApi } from '../../shared/queue-api';
import type { CategoryView, TicketView, WindowView } from '../../shared/queue-contract';
import { useHallEvents } from '../../shared/use-hall-events';
import { useStaff } from '../staff-context';

export interface CounterDesk {
  queue: QueueApi;
  window: WindowView | null;
  windows: WindowView[];
  categories: CategoryView[];
  tickets: TicketView[];
  waiting: Record<string, number>;
  connection: ConnectionState;
  /** Host time minus local time, learned from the socket's hello; the live timers use it. */
  clockOffset: number;
  loadError: unknown;
  /** Puts a ticket the host just returned into the list at once (the event follows). */
  putTicket(ticket: TicketView): void;
  setWindow(window: WindowView): void;
  refreshTickets(): void;
}

const isTicketEvent = (event: HallEvent) => event.type.startsWith('ticket.');

export function useCounterDesk(windowId: number): CounterDesk {
  const { api, session, hostUrl } = useStaff();
  const queue = useMemo(() => queueApi(api), [api]);
  const [windows, setWindows] = useState<WindowView[]>([]);
  const [categories, setCategories] = useState<CategoryView[]>([]);
  const [tickets, setTickets] = useState<TicketView[]>([]);
  const [waiting, setWaiting] = useState<Record<string, number>>({});
  const [loadError, setLoadError] = useState<unknown>(null);
  const [clockOffset, setClockOffset] = useState(0);
  const ticketIds = useRef(new Set<number>());
  ticketIds.current = new Set(tickets.map((t) => t.id));

  const refreshTickets = useCallback(() => {
    queue.windowTickets(windowId).then(setTickets, setLoadError);
  }, [queue, windowId]);

  const reloadAll = useCallback(() => {
    Promise.all([queue.windows(), queue.categories(), queue.windowTickets(windowId), queue.state()]).then(
      ([w, c, t, s]) => {
        setWindows(w);
        setCategories(c);
        setTickets(t);
        setWaiting(Object.fromEntries(s.categories.map((line) => [line.code, line.waiting])));
        setLoadError(null);
      },
      setLoadError,
    );
  }, [queue, windowId]);

  useEffect(reloadAll, [reloadAll]);

  const onEvent = useCallback(
    (event: HallEvent) => {
      const data = (event.data ?? {}) as { windowId?: unknown; ticketId?: unknown; waiting?: unknown; resync?: unknown; id?: unknown };
      if (event.type === 'hello') {
        const hostNow = Date.parse(event.at);
        if (Number.isFinite(hostNow)) setClockOffset(hostNow - Date.now());
        if (data.resync === true) reloadAll();
        return;
      }
      if (event.type === 'queue.setup') {
        reloadAll();
        return;
      }
      if (event.type === 'window.updated' && typeof data.id === 'number') {
        const updated = event.data as WindowView;
        setWindows((list) => (list.some((w) => w.id === updated.id) ? list.map((w) => (w.id === updated.id ? updated : w)) : [...list, updated]));
        return;
      }
      if (!isTicketEvent(event)) return;
      if (data.waiting && typeof data.waiting === 'object') setWaiting((old) => ({ ...old, ...(data.waiting as Record<string, number>) }));
      if (data.windowId === windowId || (typeof data.ticketId === 'number' && ticketIds.current.has(data.ticketId))) refreshTickets();
    },
    [reloadAll, refreshTickets, windowId],
  );
  const connection = useHallEvents(hostUrl, session.token, onEvent);

  const putTicket = useCallback((ticket: TicketView) => {
    setTickets((list) => (list.some((t) => t.id === ticket.id) ? list.map((t) => (t.id === ticket.id ? ticket : t)) : [ticket, ...list]));
  }, []);
  const setWindow = useCallback((updated: WindowView) => {
    setWindows((list) => list.map((w) => (w.id === updated.id ? updated : w)));
  }, []);

  return {
    queue,
    window: windows.find((w) => w.id === windowId) ?? null,
    windows,
    categories,
    tickets,
    waiting,
    connection,
    clockOffset,
    loadError,
    putTicket,
    setWindow,
    refreshTickets,
  };
}
