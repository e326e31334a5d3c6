// Full-jitter exponential backoff (DESIGN §8, §9): after the n-th failed try a record waits a random
// time between 0 and min(cap, base · 2^(n-1)). Random spread keeps many halls (and many records)
// from retrying in lock-step after a county outage; there is no last try — records never give up.

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 10 * 60_000;

export type Backoff = (failedAttempts: number) => number;

/** The ceiling of the wait after `failedAttempts` tries (1 → base). */
export function backoffCeiling(failedAttempts: number, baseMs = BACKOFF_BASE_MS, capMs = BACKOFF_CAP_MS): number {
  const n = Math.max(1, Math.min(failedAttempts, 40));
  return Math.min(capMs, baseMs * 2 ** (n - 1));
}

export function fullJitter(random: () => number = Math.random, baseMs = BACKOFF_BASE_MS, capMs = BACKOFF_CAP_MS): Backoff {
  return (failedAttempts) => Math.floor(random() * backoffCeiling(failedAttempts, baseMs, capMs));
}
