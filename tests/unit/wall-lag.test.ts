// The wall soak's liveness measure (tests/bench/support/wall-lag.ts): each acknowledged service's wait
// until the wall first shows it, less the time the harness held the page.
import { describe, expect, it } from 'vitest';
import { WallLag } from '../bench/support/wall-lag.js';

describe('WallLag', () => {
  it('times each service from its acknowledgement to the first reading that shows it', () => {
    const lag = new WallLag();
    lag.acknowledged(1_000);
    lag.acknowledged(1_200);
    lag.reading(0, 1_500);
    expect(lag.pending(1_500)).toBe(500);
    lag.reading(1, 1_700); // the first service: 700 ms
    expect(lag.pending(1_700)).toBe(500);
    lag.reading(2, 3_200); // the second: 2,000 ms
    expect(lag.pending(3_200)).toBe(0);
    expect(lag.worst(3_200)).toBe(2_000);
  });

  it('counts a wall that has stopped by the service still waiting, before any reading shows it', () => {
    const lag = new WallLag();
    lag.acknowledged(0);
    lag.reading(0, 100);
    lag.reading(0, 9_000);
    expect(lag.worst(9_000)).toBe(9_000);
  });

  it('gives no lag to a service the wall showed before the stream had its answer', () => {
    const lag = new WallLag();
    lag.reading(3, 500);
    lag.acknowledged(600);
    lag.acknowledged(700);
    lag.acknowledged(800);
    expect(lag.worst(800)).toBe(0);
    lag.acknowledged(900); // the fourth: not shown yet
    expect(lag.pending(1_900)).toBe(1_000);
  });

  it('leaves out the time the harness held the page', () => {
    const lag = new WallLag();
    lag.acknowledged(1_000);
    lag.paused(500, 1_500); // half before the acknowledgement: 500 ms of it count
    lag.paused(2_000, 4_000);
    lag.reading(1, 4_500);
    expect(lag.worst(4_500)).toBe(3_500 - 500 - 2_000);
  });

  it('reports the worst since the last mark, and notes a figure that went down', () => {
    const lag = new WallLag();
    lag.acknowledged(0);
    lag.reading(1, 3_000);
    expect(lag.worstSinceLastMark(3_000)).toBe(3_000);
    lag.acknowledged(4_000);
    lag.reading(2, 4_100);
    expect(lag.worstSinceLastMark(4_100)).toBe(100);
    expect(lag.worst(4_100)).toBe(3_000);
    lag.reading(0, 5_000);
    expect(lag.drops).toBe(1);
  });
});
