// When the hall service dies unexpectedly it is started again, waiting longer after each failure
// so a service that crashes at start (bad database, port taken) does not spin the CPU.

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  /** Up this long after a restart and the failure count starts again from zero. */
  stableMs: number;
}

export const HALL_RESTART_POLICY: BackoffPolicy = { baseMs: 1_000, capMs: 60_000, stableMs: 120_000 };

/** Delay before restart number `failures` (1 = first failure): base, 2×base, 4×base … capped. */
export function restartDelayMs(failures: number, policy: BackoffPolicy = HALL_RESTART_POLICY): number {
  const exponent = Math.max(0, Math.floor(failures) - 1);
  // 2 ** 1024 is Infinity, which Math.min would still cap, but keep the arithmetic finite.
  return Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(exponent, 30));
}

/** The consecutive-failure count to use after a process that ran from `startedAt` died at `exitedAt`. */
export function failuresAfterExit(
  previousFailures: number,
  startedAt: number,
  exitedAt: number,
  policy: BackoffPolicy = HALL_RESTART_POLICY,
): number {
  return exitedAt - startedAt >= policy.stableMs ? 1 : previousFailures + 1;
}
