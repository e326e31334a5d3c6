// What the counter screen may offer, from the ticket's and the window's state (DOMAIN §7). Pure, so
// the rules are tested; the host checks them again and answers 409 when a click came too late.
import type { TicketStatus, TicketView, WindowStatus, WindowView } from '../../shared/queue-contract';

export type CounterAction = 'recall' | 'start' | 'complete' | 'no-show' | 'transfer' | 'cancel';

/** Ticket actions per status; the host's ACTION_FROM allows the same (electron/hall/queue/tickets.ts). */
const ACTIONS_BY_STATUS: Partial<Record<TicketStatus, readonly CounterAction[]>> = {
  called: ['recall', 'start', 'no-show', 'transfer', 'cancel'],
  serving: ['complete', 'transfer'],
};

export function ticketActions(status: TicketStatus | null): readonly CounterAction[] {
  return status ? (ACTIONS_BY_STATUS[status] ?? []) : [];
}

export interface WindowControls {
  callNext: boolean;
  pause: boolean;
  resume: boolean;
  signOut: boolean;
}

/** The window holds at most one called or serving ticket: "叫号" only when it holds none and is open. */
export function windowControls(windowStatus: WindowStatus, current: TicketStatus | null): WindowControls {
  const holding = current === 'called' || current === 'serving';
  return {
    callNext: windowStatus === 'open' && !holding,
    pause: windowStatus === 'open',
    resume: windowStatus === 'paused',
    signOut: windowStatus !== 'closed' && !holding,
  };
}

/** The ticket at the window now: the called or serving one (the list is newest first). */
export function currentTicket(tickets: readonly TicketView[]): TicketView | null {
  return tickets.find((t) => t.status === 'called' || t.status === 'serving') ?? null;
}

/** F1 叫号, F2 重呼, F3 开始办理, F4 完成 — the keys clerks know from the old calling boxes. */
export const SHORTCUTS: Readonly<Record<string, 'call-next' | CounterAction>> = {
  F1: 'call-next',
  F2: 'recall',
  F3: 'start',
  F4: 'complete',
};

/** "m:ss"-style timer text: 0 → "00:00", 75 s → "01:15", 2 h → "120:00" (minutes keep counting). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** Waiting runs from arrival until the service starts; service from the start until it ends. */
export function ticketTimers(ticket: TicketView, now: number): { waitingMs: number; serviceMs: number | null } {
  const arrived = Date.parse(ticket.arrivedAt);
  const serving = ticket.servingAt ? Date.parse(ticket.servingAt) : null;
  const finished = ticket.finishedAt ? Date.parse(ticket.finishedAt) : null;
  return {
    waitingMs: (serving ?? finished ?? now) - arrived,
    serviceMs: serving === null ? null : (finished ?? now) - serving,
  };
}

/** Who holds a window, from this clerk's point of view. */
export function windowHolder(window: WindowView, userId: number): 'mine' | 'free' | 'taken' {
  if (!window.clerk) return 'free';
  return window.clerk.id === userId ? 'mine' : 'taken';
}

const LAST_WINDOW_KEY = 'hall.counter.window';

export function loadLastWindow(store: Pick<Storage, 'getItem'> | null): number | null {
  try {
    const value = Number(store?.getItem(LAST_WINDOW_KEY));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

export function saveLastWindow(store: Pick<Storage, 'setItem'> | null, windowId: number): void {
  try {
    store?.setItem(LAST_WINDOW_KEY, String(windowId));
  } catch {
    // Private mode or a full disk: the clerk simply picks the window again next time.
  }
}
