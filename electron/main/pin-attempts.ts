// Wrong admin PINs are limited so a kiosk's keypad cannot be used to guess the PIN. One limiter
// for the whole app: every window guards the same PIN.

export interface PinAttemptLimiterOptions {
  maxFailures: number;
  windowMs: number;
  now?: () => number;
}

export class PinAttemptLimiter {
  private failures: number[] = [];
  private readonly now: () => number;

  constructor(private readonly options: PinAttemptLimiterOptions = { maxFailures: 5, windowMs: 5 * 60_000 }) {
    this.now = options.now ?? Date.now;
  }

  private prune(): void {
    const since = this.now() - this.options.windowMs;
    this.failures = this.failures.filter((at) => at > since);
  }

  /** While locked even the right PIN is refused, or guessing would simply continue. */
  isLocked(): boolean {
    this.prune();
    return this.failures.length >= this.options.maxFailures;
  }

  /** Milliseconds until the oldest counted failure expires; 0 when not locked. */
  retryAfterMs(): number {
    if (!this.isLocked()) return 0;
    const oldest = this.failures[this.failures.length - this.options.maxFailures] ?? this.now();
    return Math.max(0, oldest + this.options.windowMs - this.now());
  }

  recordFailure(): void {
    this.prune();
    this.failures.push(this.now());
  }

  recordSuccess(): void {
    this.failures = [];
  }
}
