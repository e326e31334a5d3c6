import { describe, expect, it } from 'vitest';
import type { HallEvent } from '../../electron/contract/api.js';
import { planEvent } from '../../renderer/display/feed-plan';
import { callKey } from '../../renderer/display/voice/catch-up';

const NOW = Date.parse('2026-03-02T09:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const called = (at: number, ticketId = 5, callCount = 1): HallEvent => ({
  seq: ticketId * 10 + callCount,
  type: 'ticket.called',
  at: iso(at),
  data: { ticketId, number: 'A012', categoryCode: 'A', status: 'called', windowId: 3, windowNumber: 3, windowName: '综合', calledAt: iso(at), callCount, waiting: { A: 2 } },
});
const base = { localNow: NOW, clockOffset: 0, heard: new Set<string>() };

describe('planEvent', () => {
  it('reloads on hello with resync, saying nothing, and learns the host clock', () => {
    const plan = planEvent({ seq: 40, type: 'hello', at: iso(NOW + 90_000), data: { bootId: 'b', resync: true } }, base);
    expect(plan).toEqual({ reload: 'all', apply: false, settings: null, announce: null, clockOffset: 90_000 });
  });

  it('does not reload on hello without resync: the missed events follow', () => {
    expect(planEvent({ seq: 40, type: 'hello', at: iso(NOW), data: { bootId: 'b', resync: false } }, base).reload).toBeNull();
  });

  it('announces a live call and shows it', () => {
    expect(planEvent(called(NOW - 500), base)).toMatchObject({ apply: true, announce: { ticketId: 5, callCount: 1, number: 'A012', windowNumber: 3 } });
  });

  it('shows but does not announce a replayed call older than 30 s, or one already heard', () => {
    expect(planEvent(called(NOW - 45_000), base)).toMatchObject({ apply: true, announce: null });
    expect(planEvent(called(NOW - 1000), { ...base, heard: new Set([callKey({ ticketId: 5, callCount: 1 })]) })).toMatchObject({ apply: true, announce: null });
  });

  it('a replay right after reconnecting: the newest calls are said, the old ones only shown', () => {
    const replay = [called(NOW - 120_000, 1), called(NOW - 40_000, 2), called(NOW - 20_000, 3), called(NOW - 2_000, 3, 2)];
    const said = replay.map((event) => planEvent(event, base).announce).filter(Boolean).map((a) => `${a?.ticketId}:${a?.callCount}`);
    expect(said).toEqual(['3:1', '3:2']);
  });

  it('measures the age on the host clock', () => {
    // The display's clock is two minutes behind: a call the host made 10 s ago is fresh.
    const behind = { ...base, localNow: NOW - 120_000, clockOffset: 120_000 };
    expect(planEvent(called(NOW - 10_000), behind).announce).not.toBeNull();
    expect(planEvent(called(NOW - 10_000), { ...behind, clockOffset: 0 }).announce).not.toBeNull();
    expect(planEvent(called(NOW - 60_000), behind).announce).toBeNull();
  });

  it('reloads on set-up changes, takes settings from the event or reloads them', () => {
    expect(planEvent({ seq: 1, type: 'queue.setup', at: iso(NOW), data: {} }, base).reload).toBe('all');
    expect(planEvent({ seq: 2, type: 'queue.settings', at: iso(NOW), data: { nonsense: 1 } }, base).reload).toBe('settings');
    const settings = {
      periods: [{ open: '08:30', close: '17:30' }], weekdays: [1, 2, 3, 4, 5], announcementTemplate: '{number}', announceRepeat: 1, numberReading: 'natural',
      slipWidthMm: 58, printMode: 'html', printerHost: '', printerPort: 9100, printerName: '', noticeLine: '', ratingWindowMinutes: 5,
    };
    expect(planEvent({ seq: 3, type: 'queue.settings', at: iso(NOW), data: settings }, base)).toMatchObject({ reload: null, settings });
  });

  it('applies other ticket events without announcing, and ignores unrelated ones', () => {
    expect(planEvent({ ...called(NOW), type: 'ticket.updated' }, base)).toMatchObject({ apply: true, announce: null });
    expect(planEvent({ seq: 9, type: 'window.updated', at: iso(NOW), data: {} }, base)).toMatchObject({ apply: false, reload: null, announce: null });
  });
});
