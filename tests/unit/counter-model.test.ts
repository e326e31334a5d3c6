import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES, type TicketView, type WindowView } from '../../electron/contract/queue.js';
import {
  currentTicket,
  formatDuration,
  loadLastWindow,
  saveLastWindow,
  ticketActions,
  ticketTimers,
  windowControls,
  windowHolder,
} from '../../renderer/staff/counter/counter-model';

function ticket(overrides: Partial<TicketView>): TicketView {
  return {
    id: 1, number: 'A001', categoryCode: 'A', categoryName: '社保医保', status: 'waiting', priority: null, priorityConfirmed: false,
    businessDay: '2026-03-02', arrivedAt: '2026-03-02T09:00:00.000Z', issuedAt: '2026-03-02T09:00:00.000Z', calledAt: null, servingAt: null,
    finishedAt: null, callCount: 0, windowId: 1, windowNumber: 1, itemsHandled: [], transferredFrom: null, ...overrides,
  };
}

describe('ticketActions', () => {
  it('offers only what fits the ticket’s status (DOMAIN §7)', () => {
    expect(ticketActions('called')).toEqual(['recall', 'start', 'no-show', 'transfer', 'cancel']);
    expect(ticketActions('serving')).toEqual(['complete', 'transfer']);
    expect(ticketActions(null)).toEqual([]);
    for (const status of TICKET_STATUSES.filter((s) => s !== 'called' && s !== 'serving')) expect(ticketActions(status), status).toEqual([]);
  });
});

describe('windowControls', () => {
  it('calls the next ticket only at an open window that holds none', () => {
    expect(windowControls('open', null)).toEqual({ callNext: true, pause: true, resume: false, signOut: true });
    expect(windowControls('open', 'done').callNext).toBe(true);
    expect(windowControls('open', 'called')).toEqual({ callNext: false, pause: true, resume: false, signOut: false });
    expect(windowControls('open', 'serving').signOut).toBe(false);
    expect(windowControls('paused', null)).toEqual({ callNext: false, pause: false, resume: true, signOut: true });
    expect(windowControls('closed', null)).toEqual({ callNext: false, pause: false, resume: false, signOut: false });
  });
});

describe('currentTicket', () => {
  it('is the called or serving one, not a finished one', () => {
    const list = [ticket({ id: 3, status: 'serving' }), ticket({ id: 2, status: 'done' })];
    expect(currentTicket(list)?.id).toBe(3);
    expect(currentTicket([ticket({ id: 2, status: 'no_show' })])).toBeNull();
  });
});

describe('timers', () => {
  it('formats mm:ss and lets minutes grow past an hour', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(75_400)).toBe('01:15');
    expect(formatDuration(2 * 3600_000)).toBe('120:00');
    expect(formatDuration(-5000)).toBe('00:00');
  });

  it('counts waiting until the service starts, and service from then on', () => {
    const now = Date.parse('2026-03-02T09:20:00.000Z');
    expect(ticketTimers(ticket({ status: 'called' }), now)).toEqual({ waitingMs: 20 * 60_000, serviceMs: null });
    expect(ticketTimers(ticket({ status: 'serving', servingAt: '2026-03-02T09:12:00.000Z' }), now)).toEqual({ waitingMs: 12 * 60_000, serviceMs: 8 * 60_000 });
    expect(
      ticketTimers(ticket({ status: 'done', servingAt: '2026-03-02T09:12:00.000Z', finishedAt: '2026-03-02T09:15:00.000Z' }), now),
    ).toEqual({ waitingMs: 12 * 60_000, serviceMs: 3 * 60_000 });
  });
});


describe('windows', () => {
  const w = (clerk: WindowView['clerk']): WindowView => ({ id: 4, number: 4, name: '综合', categoryCodes: ['A'], status: 'open', clerk, ratingDeviceId: null, active: true });
  it('tells mine, free and taken apart', () => {
    expect(windowHolder(w(null), 5)).toBe('free');
    expect(windowHolder(w({ id: 5, displayName: '王芳' }), 5)).toBe('mine');
    expect(windowHolder(w({ id: 6, displayName: '李强' }), 5)).toBe('taken');
  });

  it('remembers the last window, and survives storage that is missing or broken', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(loadLastWindow(storage)).toBeNull();
    saveLastWindow(storage, 3);
    expect(loadLastWindow(storage)).toBe(3);
    store.set('hall.counter.window', 'x');
    expect(loadLastWindow(storage)).toBeNull();
    expect(loadLastWindow(null)).toBeNull();
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } };
    expect(loadLastWindow(broken)).toBeNull();
    expect(() => saveLastWindow(broken, 1)).not.toThrow();
  });
});
