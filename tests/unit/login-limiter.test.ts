import { describe, expect, it } from 'vitest';
import { AttemptLog, BoundedLogs, KeptLogs, reserveAll } from '../../electron/hall/auth/attempt-window.js';
import { LOGIN_RULES, LoginLimiter, type LoginAttempt, type LoginRules } from '../../electron/hall/auth/login-limiter.js';

const MIN = 60_000;
const WINDOW = 15 * MIN;
const ADMIN = 1;

/** Reserves and settles as a wrong password would; true when the attempt was judged. */
function fail(l: LoginLimiter, address: string, name: string, account: number | null, at: number): boolean {
  const a = l.reserve(address, name, account, at);
  if (a.ok) a.reservation.failed();
  return a.ok;
}

const waitOf = (a: LoginAttempt) => (a.ok ? 0 : a.retryAfterMs);

describe('AttemptLog', () => {
  it('waits from the oldest counted failure and forgets what left the window', () => {
    const log = new AttemptLog(60_000);
    for (let i = 0; i < 3; i++) log.add(i * 1000);
    expect(log.retryAfterMs(3, 5000)).toBe(55_000);
    expect(log.retryAfterMs(4, 5000)).toBe(0);
    expect(log.retryAfterMs(3, 60_000)).toBe(0);
    expect(log.count(60_000)).toBe(2);
  });

  it('counts a reservation at once and gives it back on release', () => {
    const log = new AttemptLog(60_000);
    const first = reserveAll([{ log, max: 2 }], 0);
    const second = reserveAll([{ log, max: 2 }], 0);
    expect('atMs' in first && 'atMs' in second).toBe(true);
    expect(reserveAll([{ log, max: 2 }], 0)).toEqual({ retryAfterMs: 60_000 });
    if ('atMs' in second) {
      expect(second.last).toBe(true);
      second.release();
      second.release();
    }
    expect(log.count(0)).toBe(1);
    if ('atMs' in first) {
      first.failed();
      first.release();
    }
    expect(log.count(0)).toBe(1);
  });

  it('bounded logs forget the least recently used key; kept logs never forget a live one', () => {
    const bounded = new BoundedLogs<string>(60_000, 2);
    bounded.get('a').add(0);
    bounded.get('b').add(0);
    bounded.get('a');
    bounded.get('c');
    expect([...bounded.entries()].map(([k]) => k)).toEqual(['a', 'c']);
    const kept = new KeptLogs<number>(60_000);
    for (let i = 0; i < 100; i++) kept.get(i).add(0);
    kept.sweep(1000);
    expect(kept.size).toBe(100);
    kept.sweep(60_000);
    expect(kept.size).toBe(0);
  });
});

describe('LoginLimiter', () => {
  it('allows 5 failures per account from one address, then waits; other addresses and accounts go on', () => {
    const l = new LoginLimiter();
    for (let i = 0; i < 5; i++) expect(fail(l, '10.0.0.9', 'Admin', ADMIN, i * 1000)).toBe(true);
    expect(waitOf(l.reserve('10.0.0.9', 'admin', ADMIN, 5000))).toBe(WINDOW - 5000);
    expect(l.lockedForMs('10.0.0.9', ADMIN, 5000)).toBe(WINDOW - 5000);
    expect(l.reserve('10.0.0.8', 'admin', ADMIN, 5000).ok).toBe(true);
    expect(l.reserve('10.0.0.9', 'clerk', 2, 5000).ok).toBe(true);
    expect(l.reserve('10.0.0.9', 'admin', ADMIN, WINDOW + 1).ok).toBe(true);
  });

  it('judges at most 5 of 100 guesses in flight at once', () => {
    const l = new LoginLimiter();
    const attempts = Array.from({ length: 100 }, () => l.reserve('10.0.0.9', 'admin', ADMIN, 0));
    expect(attempts.filter((a) => a.ok)).toHaveLength(5);
    expect(attempts.filter((a) => a.ok && a.reservation.last)).toHaveLength(1);
  });

  it('gives the slot back when the password was never judged', () => {
    const l = new LoginLimiter();
    for (let i = 0; i < 10; i++) {
      const a = l.reserve('10.0.0.9', 'admin', ADMIN, 0);
      expect(a.ok).toBe(true);
      if (a.ok) a.reservation.release();
    }
  });

  it('forgives failures from the address that logged in, not those from other addresses', () => {
    const l = new LoginLimiter({ ...LOGIN_RULES, perAccount: { max: 6, windowMs: WINDOW } });
    for (let i = 0; i < 4; i++) fail(l, '10.0.0.9', 'admin', ADMIN, 0);
    for (let i = 0; i < 2; i++) fail(l, '10.6.6.6', 'admin', ADMIN, 0);
    const ok = l.reserve('10.0.0.9', 'admin', ADMIN, 0);
    // 6 failures already: the account-wide limit refuses even the owner's PC.
    expect(ok.ok).toBe(false);
    const l2 = new LoginLimiter();
    for (let i = 0; i < 4; i++) fail(l2, '10.0.0.9', 'admin', ADMIN, 0);
    const good = l2.reserve('10.0.0.9', 'admin', ADMIN, 0);
    if (good.ok) good.succeeded();
    for (let i = 0; i < 5; i++) expect(fail(l2, '10.0.0.9', 'admin', ADMIN, 1)).toBe(true);
    expect(l2.reserve('10.0.0.9', 'admin', ADMIN, 1).ok).toBe(false);
  });

  it('bounds guessing spread over many addresses by the account-wide limit', () => {
    const l = new LoginLimiter();
    let judged = 0;
    for (let i = 0; i < 100; i++) if (fail(l, `10.1.0.${i}`, 'admin', ADMIN, 0)) judged++;
    expect(judged).toBe(LOGIN_RULES.perAccount.max);
  });

  it('cuts a spray of names from one address short, and locks a made-up name like a real one', () => {
    const l = new LoginLimiter();
    let judged = 0;
    for (let i = 0; i < 20_000; i++) if (fail(l, '10.0.0.66', `user${i}`, null, 0)) judged++;
    expect(judged).toBe(LOGIN_RULES.perAddress.max);
    const other = new LoginLimiter();
    for (let i = 0; i < 5; i++) expect(fail(other, '10.0.0.66', 'ghost', null, 0)).toBe(true);
    expect(other.reserve('10.0.0.66', 'GHOST', null, 0).ok).toBe(false);
    expect(other.reserve('10.0.0.66', 'ghost2', null, 0).ok).toBe(true);
  });

  it('keeps a real account\'s count through 20,000 made-up names from 20,000 addresses, in bounded memory', () => {
    const rules: LoginRules = { ...LOGIN_RULES, maxAddresses: 1000 };
    const l = new LoginLimiter(rules);
    for (let i = 0; i < 4; i++) fail(l, '10.0.0.9', 'admin', ADMIN, 0);
    for (let i = 0; i < 20_000; i++) fail(l, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, `made-up-${i}`, null, 1);
    expect(l.sizes().addresses).toBeLessThanOrEqual(1000);
    // The address of the guesses was forgotten long ago; the account's own counts were not.
    expect(fail(l, '10.0.0.9', 'admin', ADMIN, 2)).toBe(true);
    expect(l.reserve('10.0.0.9', 'admin', ADMIN, 2).ok).toBe(false);
    expect(l.lockedForMs('10.0.0.9', ADMIN, 2)).toBe(WINDOW - 2);
  });
});
