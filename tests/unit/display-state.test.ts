import { describe, expect, it } from 'vitest';
import type { HallEvent } from '../../electron/contract/api.js';
import type { QueueState } from '../../electron/contract/queue.js';
import { displayReducer, INITIAL_DISPLAY_STATE, MAX_RECENT, recentBesideCalling, type DisplayState } from '../../renderer/display/display-state';

let seq = 0;
function ticketEvent(type: string, data: Partial<Record<string, unknown>> & { ticketId: number; number: string }, at = '2026-03-02T09:00:00.000Z'): HallEvent {
  seq += 1;
  return {
    seq,
    type,
    at,
    data: {
      categoryCode: 'A',
      status: type === 'ticket.called' ? 'called' : 'waiting',
      windowId: 1,
      windowNumber: 1,
      windowName: '综合窗口',
      calledAt: at,
      callCount: 1,
      ...data,
    },
  };
}

const loadedState: QueueState = {
  businessDay: '2026-03-02',
  open: true,
  nextOpen: null,
  categories: [
    { code: 'A', name: '社保医保', description: '', waiting: 3, priorityAllowed: true, soldOut: false },
    { code: 'B', name: '民政事务', description: '', waiting: 1, priorityAllowed: true, soldOut: false },
  ],
  calling: [{ ticketId: 1, number: 'A001', windowNumber: 1, windowName: '综合窗口', calledAt: '2026-03-02T08:50:00.000Z', callCount: 1 }],
  recent: [
    { ticketId: 1, number: 'A001', windowNumber: 1, windowName: '综合窗口', calledAt: '2026-03-02T08:50:00.000Z', callCount: 1 },
    { ticketId: 2, number: 'B001', windowNumber: 2, windowName: '民政窗口', calledAt: '2026-03-02T08:40:00.000Z', callCount: 1 },
  ],
  notice: '请保管好您的号票',
};

const loaded = (): DisplayState => displayReducer(INITIAL_DISPLAY_STATE, { type: 'loaded', state: loadedState });
const apply = (state: DisplayState, ...events: HallEvent[]) => events.reduce((s, event) => displayReducer(s, { type: 'event', event }), state);

describe('displayReducer', () => {
  it('takes the loaded queue state as it is', () => {
    const state = loaded();
    expect(state.loaded).toBe(true);
    expect(state.calling.map((c) => c.number)).toEqual(['A001']);
    expect(state.waiting).toEqual([
      { code: 'A', name: '社保医保', waiting: 3 },
      { code: 'B', name: '民政事务', waiting: 1 },
    ]);
    expect(state.notice).toBe('请保管好您的号票');
    // Calls that were already there when the screen loaded do not flash as if new.
    expect(state.flash).toBeNull();
  });

  it('puts a new call on top; a new call at the same window replaces that window’s old one', () => {
    const state = apply(loaded(), ticketEvent('ticket.called', { ticketId: 3, number: 'A002', windowNumber: 1, waiting: { A: 2 } }));
    expect(state.calling.map((c) => c.number)).toEqual(['A002']);
    expect(state.recent.map((c) => c.number)).toEqual(['A002', 'A001', 'B001']);
    expect(state.waiting[0]).toEqual({ code: 'A', name: '社保医保', waiting: 2 });
    expect(state.flash).toBe('3:1');
  });

  it('moves a recalled ticket back to the top and ignores the same call delivered twice', () => {
    const first = ticketEvent('ticket.called', { ticketId: 3, number: 'A002', windowNumber: 3 });
    let state = apply(loaded(), first, ticketEvent('ticket.called', { ticketId: 4, number: 'B002', windowNumber: 2 }));
    expect(state.calling.map((c) => c.number)).toEqual(['B002', 'A002', 'A001']);
    state = apply(state, first);
    expect(state.calling.map((c) => c.number)).toEqual(['B002', 'A002', 'A001']);
    state = apply(state, ticketEvent('ticket.called', { ticketId: 3, number: 'A002', windowNumber: 3, callCount: 2 }, '2026-03-02T09:01:00.000Z'));
    expect(state.calling.map((c) => c.number)).toEqual(['A002', 'B002', 'A001']);
    expect(state.calling[0]?.calledAt).toBe('2026-03-02T09:01:00.000Z');
  });

  it('takes a ticket off "now calling" when it is served, finished, a no-show, transferred or cancelled', () => {
    for (const status of ['serving', 'done', 'no_show', 'transferred', 'cancelled']) {
      const state = apply(loaded(), ticketEvent('ticket.updated', { ticketId: 1, number: 'A001', status }));
      expect(state.calling, status).toEqual([]);
      expect(state.recent.map((c) => c.number), status).toEqual(['A001', 'B001']);
    }
  });

  it('updates the waiting counts from any ticket event, and keeps at most 10 recent calls', () => {
    let state = apply(loaded(), ticketEvent('ticket.issued', { ticketId: 9, number: 'B003', status: 'waiting', windowId: null, windowNumber: null, windowName: null, calledAt: null, callCount: 0, waiting: { A: 3, B: 2 } }));
    expect(state.waiting.map((w) => w.waiting)).toEqual([3, 2]);
    for (let i = 0; i < 15; i += 1) state = apply(state, ticketEvent('ticket.called', { ticketId: 100 + i, number: `A${100 + i}`, windowNumber: (i % 3) + 1 }));
    expect(state.recent).toHaveLength(MAX_RECENT);
    expect(state.recent[0]?.number).toBe('A114');
    expect(state.calling.map((c) => c.number)).toEqual(['A114', 'A113', 'A112']);
  });

  it('ignores events it cannot read and events of other kinds', () => {
    const state = loaded();
    expect(apply(state, { seq: 99, type: 'ticket.called', at: '2026-03-02T09:00:00Z', data: { nonsense: true } })).toEqual(state);
    expect(apply(state, { seq: 100, type: 'window.updated', at: '2026-03-02T09:00:00Z', data: {} })).toEqual(state);
  });

  it('shows the notice line from the settings', () => {
    const settings = {
      periods: [{ open: '08:30', close: '17:30' }], weekdays: [1, 2, 3, 4, 5], announcementTemplate: '请 {number} 号到 {window} 号窗口办理', announceRepeat: 2,
      numberReading: 'digits' as const, slipWidthMm: 80 as const, printMode: 'html' as const, printerHost: '', printerPort: 9100, printerName: '',
      noticeLine: '今天下午停电检修', ratingWindowMinutes: 10, noShowAfterCalls: 2, noShowAfterMinutes: 3, holidaysClosed: true, publicGuideUrl: '',
    };
    expect(displayReducer(loaded(), { type: 'settings', settings }).notice).toBe('今天下午停电检修');
  });
});

describe('recentBesideCalling', () => {
  it('leaves out what is already shown large', () => {
    expect(recentBesideCalling(loaded(), 8).map((c) => c.number)).toEqual(['B001']);
  });
});
