import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffCeiling, fullJitter } from '../../electron/hall/sync/backoff.js';

describe('full-jitter backoff', () => {
  it('doubles from 2 s and stops at 10 min', () => {
    expect([1, 2, 3, 4].map((n) => backoffCeiling(n))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(backoffCeiling(9)).toBe(512_000);
    expect(backoffCeiling(10)).toBe(BACKOFF_CAP_MS);
    expect(backoffCeiling(1_000_000)).toBe(BACKOFF_CAP_MS);
  });

  it('waits between 0 and the ceiling, whatever the draw', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempts, draw) => {
        const wait = fullJitter(() => draw)(attempts);
        expect(Number.isInteger(wait)).toBe(true);
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThan(Math.max(1, backoffCeiling(attempts)));
        expect(wait).toBeLessThan(BACKOFF_CAP_MS);
      }),
    );
  });

  it('spreads the waits over the whole range (jitter, not a fixed delay)', () => {
    const waits = Array.from({ length: 2000 }, () => fullJitter()(1));
    expect(Math.min(...waits)).toBeLessThan(BACKOFF_BASE_MS * 0.1);
    expect(Math.max(...waits)).toBeGreaterThan(BACKOFF_BASE_MS * 0.9);
  });
});
