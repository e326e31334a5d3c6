import { describe, expect, it } from 'vitest';
import { LoginLimiter } from '../../electron/hall/auth/login-limiter.js';

describe('LoginLimiter', () => {
  it('allows 5 failures, then waits out the window from the oldest counted failure', () => {
    const l = new LoginLimiter({ maxFailures: 5, windowMs: 60_000 });
    for (let i = 0; i < 5; i++) {
      expect(l.retryAfterMs('1.2.3.4', 'Clerk', i * 1000)).toBe(0);
      l.recordFailure('1.2.3.4', 'clerk', i * 1000);
    }
    expect(l.retryAfterMs('1.2.3.4', 'CLERK', 5000)).toBe(55_000);
    expect(l.retryAfterMs('1.2.3.5', 'clerk', 5000)).toBe(0);
    expect(l.retryAfterMs('1.2.3.4', 'other', 5000)).toBe(0);
    expect(l.retryAfterMs('1.2.3.4', 'clerk', 60_001)).toBe(0);
  });

  it('forgets failures after a success', () => {
    const l = new LoginLimiter({ maxFailures: 2, windowMs: 60_000 });
    l.recordFailure('ip', 'u', 0);
    l.recordSuccess('ip', 'u');
    l.recordFailure('ip', 'u', 1);
    expect(l.retryAfterMs('ip', 'u', 2)).toBe(0);
  });
});
