// Slows password guessing: after too many failures for one user name from one address, refuse for a while.
export interface LimiterOptions {
  maxFailures: number;
  windowMs: number;
}

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly options: LimiterOptions = { maxFailures: 5, windowMs: 15 * 60_000 }) {}

  private key(ip: string, username: string): string {
    return `${ip}\u0000${username.toLowerCase()}`;
  }

  private recent(key: string, nowMs: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => nowMs - t < this.options.windowMs);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Milliseconds until the next try is allowed; 0 when it is allowed now. */
  retryAfterMs(ip: string, username: string, nowMs: number): number {
    const times = this.recent(this.key(ip, username), nowMs);
    if (times.length < this.options.maxFailures) return 0;
    return this.options.windowMs - (nowMs - times[times.length - this.options.maxFailures]!);
  }

  recordFailure(ip: string, username: string, nowMs: number): void {
    const key = this.key(ip, username);
    this.failures.set(key, [...this.recent(key, nowMs), nowMs]);
    // Bound memory under a spray of made-up user names.
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!);
  }

  recordSuccess(ip: string, username: string): void {
    this.failures.delete(this.key(ip, username));
  }
}
