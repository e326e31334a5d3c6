// How long to wait before the next reconnect: full-jitter exponential backoff, so that after a host
// restart the hall's terminals do not all knock at the same moment.

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export const EVENTS_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 30_000 };

/** The longest wait for a given failed attempt (0, 1, 2, …): base·2^attempt, never above the cap. */
export function backoffCeiling(attempt: number, { baseMs, capMs }: BackoffOptions): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30);
  return Math.min(capMs, baseMs * 2 ** exponent);
}

/** A wait drawn uniformly from [0, ceiling]; `random` returns [0, 1) like Math.random. */
export function reconnectDelay(attempt: number, options: BackoffOptions = EVENTS_BACKOFF, random: () => number = Math.random): number {
  return Math.floor(random() * backoffCeiling(attempt, options));
}
