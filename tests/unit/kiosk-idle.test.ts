import { describe, expect, it } from 'vitest';
import { IdleCountdown, idleTimeoutFor, INNER_SCREEN_IDLE_MS, TICKET_PRINT_FAILED_MS, TICKET_SHOWN_MS, type IdleTimers } from '../../renderer/kiosk/kiosk-idle';

/** Timers driven by hand: `advance(ms)` runs what falls due. */
function manualTimers() {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: IdleTimers = {
    setTimer: (fn, ms) => {
      const id = nextId++;
      pending.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimer: (id) => void pending.delete(id as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, timer] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at <= now && pending.delete(id)) timer.fn();
    }
  };
  return { timers, advance, pendingCount: () => pending.size };
}

describe('idleTimeoutFor', () => {
  it('never leaves the start screen, gives inner screens a minute, the ticket a short read', () => {
    expect(idleTimeoutFor('start')).toBeNull();
    for (const step of ['priorityKind', 'priorityCategory', 'appointment'] as const) expect(idleTimeoutFor(step)).toBe(60_000);
    expect(idleTimeoutFor('ticket')).toBe(TICKET_SHOWN_MS);
    expect(TICKET_SHOWN_MS).toBeGreaterThanOrEqual(10_000);
    expect(TICKET_SHOWN_MS).toBeLessThanOrEqual(20_000);
  });
  it('keeps the number up longer when the slip did not print', () => {
    expect(idleTimeoutFor('ticket', true)).toBe(TICKET_PRINT_FAILED_MS);
    expect(TICKET_PRINT_FAILED_MS).toBeGreaterThan(TICKET_SHOWN_MS);
  });
});

describe('IdleCountdown', () => {
  it('fires once after the timeout with no touch', () => {
    const { timers, advance } = manualTimers();
    let fired = 0;
    const countdown = new IdleCountdown(() => fired++, timers);
    countdown.arm(INNER_SCREEN_IDLE_MS);
    advance(59_999);
    expect(fired).toBe(0);
    advance(1);
    expect(fired).toBe(1);
    advance(120_000);
    expect(fired).toBe(1);
  });
  it('a touch starts the wait again', () => {
    const { timers, advance } = manualTimers();
    let fired = 0;
    const countdown = new IdleCountdown(() => fired++, timers);
    countdown.arm(60_000);
    advance(50_000);
    countdown.touch();
    advance(50_000);
    expect(fired).toBe(0);
    advance(10_000);
    expect(fired).toBe(1);
  });
  it('disarmed (start screen) or stopped, nothing fires and touches do nothing', () => {
    const { timers, advance, pendingCount } = manualTimers();
    let fired = 0;
    const countdown = new IdleCountdown(() => fired++, timers);
    countdown.arm(60_000);
    countdown.arm(null);
    countdown.touch();
    advance(600_000);
    expect(fired).toBe(0);
    countdown.arm(1_000);
    countdown.stop();
    advance(5_000);
    expect(fired).toBe(0);
    expect(pendingCount()).toBe(0);
  });
  it('re-arming with another timeout replaces the running one', () => {
    const { timers, advance } = manualTimers();
    let fired = 0;
    const countdown = new IdleCountdown(() => fired++, timers);
    countdown.arm(60_000);
    advance(10_000);
    countdown.arm(15_000);
    advance(14_999);
    expect(fired).toBe(0);
    advance(1);
    expect(fired).toBe(1);
  });
});
