import { describe, expect, it } from 'vitest';
import {
  appointmentCodeComplete,
  canIssue,
  KIOSK_PRIORITIES,
  mergeWaiting,
  pressKey,
  priorityCategories,
  priorityOffered,
  startView,
  waitingFromEvent,
  type KioskCategory,
  type KioskConditions,
} from '../../renderer/kiosk/kiosk-model';
import type { QueueState } from '../../renderer/shared/queue-contract';

const category = (code: string, over: Partial<KioskCategory> = {}): KioskCategory => ({
  code,
  name: `业务${code}`,
  description: '',
  waiting: 0,
  priorityAllowed: true,
  soldOut: false,
  ...over,
});

const state = (over: Partial<QueueState> = {}): QueueState => ({
  businessDay: '2026-03-02',
  open: true,
  nextOpen: null,
  categories: [category('A'), category('B')],
  calling: [],
  recent: [],
  notice: '',
  ...over,
});

const event = (type: string, data: unknown) => ({ seq: 1, type, at: '2026-03-02T01:00:00.000Z', data });

describe('waitingFromEvent', () => {
  it('reads the waiting counts of every ticket event', () => {
    for (const type of ['ticket.issued', 'ticket.called', 'ticket.updated', 'ticket.completed']) {
      expect(waitingFromEvent(event(type, { ticketId: 1, waiting: { A: 3, B: 0 } }))).toEqual({ A: 3, B: 0 });
    }
  });
  it('ignores other events and malformed counts', () => {
    expect(waitingFromEvent(event('queue.setup', { waiting: { A: 3 } }))).toBeNull();
    expect(waitingFromEvent(event('ticket.issued', { ticketId: 1 }))).toBeNull();
    expect(waitingFromEvent(event('ticket.issued', null))).toBeNull();
    expect(waitingFromEvent(event('ticket.issued', { waiting: [1, 2] }))).toBeNull();
    expect(waitingFromEvent(event('ticket.issued', { waiting: { A: -1, B: 2.5, C: '4', D: 4 } }))).toEqual({ D: 4 });
  });
});

describe('mergeWaiting', () => {
  it('updates the named categories and keeps the others', () => {
    const before = [category('A', { waiting: 1 }), category('B', { waiting: 5 }), category('C', { waiting: 2 })];
    const after = mergeWaiting(before, { A: 4, B: 5, X: 9 });
    expect(after.map((c) => [c.code, c.waiting])).toEqual([['A', 4], ['B', 5], ['C', 2]]);
    expect(after[1]).toBe(before[1]);
    expect(before[0]!.waiting).toBe(1);
  });
  it('returns the same array when nothing changed', () => {
    const before = [category('A', { waiting: 1 })];
    expect(mergeWaiting(before, { A: 1 })).toBe(before);
    expect(mergeWaiting(before, {})).toBe(before);
  });
});

describe('startView', () => {
  const base: KioskConditions = { connection: 'open', everConnected: true, requestUnreachable: false, state: state() };

  it('shows the categories when open and connected', () => {
    expect(startView(base)).toBe('categories');
    expect(canIssue(base)).toBe(true);
  });
  it('is loading on the first connect, an outage on any later one', () => {
    expect(startView({ ...base, connection: 'connecting', everConnected: false })).toBe('loading');
    expect(startView({ ...base, connection: 'connecting', everConnected: true })).toBe('unreachable');
    expect(startView({ ...base, connection: 'closed', everConnected: false })).toBe('unreachable');
    expect(startView({ ...base, state: null })).toBe('loading');
  });
  it('an unreachable request means the host is away even with the socket open', () => {
    expect(startView({ ...base, requestUnreachable: true })).toBe('unreachable');
    expect(canIssue({ ...base, requestUnreachable: true })).toBe(false);
  });
  it('outside business hours shows no buttons', () => {
    expect(startView({ ...base, state: state({ open: false }) })).toBe('closed');
    expect(canIssue({ ...base, state: state({ open: false }) })).toBe(false);
    // The outage wins: a citizen must not wait for hours that the kiosk cannot check.
    expect(startView({ ...base, connection: 'closed', state: state({ open: false }) })).toBe('unreachable');
  });
  it('a hall with no categories says so', () => {
    expect(startView({ ...base, state: state({ categories: [] }) })).toBe('noCategories');
  });
  it('sold-out categories do not close the kiosk', () => {
    const allSoldOut = state({ categories: [category('A', { soldOut: true })] });
    expect(startView({ ...base, state: allSoldOut })).toBe('categories');
  });
});

describe('priority', () => {
  it('offers only categories that allow priority and are not sold out', () => {
    const cats = [category('A'), category('B', { priorityAllowed: false }), category('C', { soldOut: true }), category('D')];
    expect(priorityCategories(cats).map((c) => c.code)).toEqual(['A', 'D']);
    expect(priorityOffered(cats)).toBe(true);
    expect(priorityOffered([category('B', { priorityAllowed: false }), category('C', { soldOut: true })])).toBe(false);
    expect(priorityOffered([])).toBe(false);
  });
  it('lets the citizen choose the four kinds, never appointment', () => {
    expect(KIOSK_PRIORITIES).toEqual(['elderly', 'disabled', 'military', 'pregnant']);
  });
});

describe('appointment keypad', () => {
  it('takes six digits, deletes and clears', () => {
    let code = '';
    for (const key of ['1', '2', '3', '4', '5', '6', '7'] as const) code = pressKey(code, key);
    expect(code).toBe('123456');
    expect(appointmentCodeComplete(code)).toBe(true);
    code = pressKey(code, 'back');
    expect(code).toBe('12345');
    expect(appointmentCodeComplete(code)).toBe(false);
    expect(pressKey(code, 'clear')).toBe('');
    expect(pressKey('', 'back')).toBe('');
  });
});
