// The command centre's small pure parts: hall days as instants whatever the process zone, p90 by
// nearest rank, "no data" as null, and the dashboard's refresh throttle (≤ 1 per interval, last event kept).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hallDayStart, hallPeriod, p90, share } from '../../electron/hall/dashboard/period.js';
import { throttle } from '../../renderer/staff/dashboard/figure-events.js';

describe('hall days', () => {
  it('a Shanghai day begins at 16:00 UTC the day before, on a UTC process too', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'UTC';
    try {
      expect(hallDayStart('2026-03-01', 'Asia/Shanghai').toISOString()).toBe('2026-02-28T16:00:00.000Z');
      expect(hallPeriod('2026-03-01', '2026-03-31', 'Asia/Shanghai')).toEqual({ from: '2026-03-01', to: '2026-03-31', start: '2026-02-28T16:00:00.000Z', end: '2026-03-31T16:00:00.000Z' });
      // A zone with daylight saving: the day of the change still starts at its local midnight.
      expect(hallDayStart('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
      expect(hallDayStart('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('figures', () => {
  it('p90 is the value at rank ⌈0.9·n⌉; nothing is null', () => {
    expect(p90([])).toBeNull();
    expect(p90([7])).toBe(7);
    expect(p90([10, 1, 9, 2, 8, 3, 7, 4, 6, 5])).toBe(9);
    expect(p90(Array.from({ length: 11 }, (_, i) => i + 1))).toBe(10);
  });
  it('a share without a denominator is null, not 0', () => {
    expect(share(0, 0)).toBeNull();
    expect(share(0, 4)).toBe(0);
    expect(share(1, 4)).toBe(0.25);
  });
});

describe('the refresh throttle', () => {
  afterEach(() => vi.useRealTimers());
  it('runs at once, then at most once a second, and never drops the last poke of a burst', () => {
    vi.useFakeTimers();
    const runs: number[] = [];
    const th = throttle(() => runs.push(Date.now()), 1_000);
    const start = Date.now();
    th.poke();
    for (let i = 0; i < 49; i++) {
      vi.advanceTimersByTime(20);
      th.poke();
    }
    vi.advanceTimersByTime(2_000);
    expect(runs.map((t) => t - start)).toEqual([0, 1_000]);
    th.poke();
    expect(runs.length).toBe(3);
    th.poke();
    th.cancel();
    vi.advanceTimersByTime(5_000);
    expect(runs.length).toBe(3);
  });
});
