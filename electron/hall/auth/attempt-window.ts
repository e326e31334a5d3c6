// The counting under every guess limiter (login, case lookup, appointment codes): failures in a
// sliding window, taken as a reservation before the slow check so that requests already in flight
// count too (STYLE §13). Synchronous; the limiters decide what is keyed by what.
import { HallError } from '../http/errors.js';
import type { Principal } from '../http/principal.js';

export interface WindowRule {
  /** Failures allowed inside the window; the next attempt is refused until the oldest ages out. */
  max: number;
  windowMs: number;
}

/** The failure times of one key, oldest first. A reservation is a failure counted in advance. */
export class AttemptLog {
  private times: number[] = [];

  constructor(private readonly windowMs: number) {}

  private prune(nowMs: number): void {
    let drop = 0;
    while (drop < this.times.length && nowMs - this.times[drop]! >= this.windowMs) drop++;
    if (drop) this.times = this.times.slice(drop);
  }

  /** Failures (and reservations) still inside the window. */
  count(nowMs: number): number {
    this.prune(nowMs);
    return this.times.length;
  }

  /** Milliseconds until one more attempt is allowed under `max`; 0 when it is allowed now. */
  retryAfterMs(max: number, nowMs: number): number {
    this.prune(nowMs);
    if (this.times.length < max) return 0;
    return this.windowMs - (nowMs - this.times[this.times.length - max]!);
  }

  add(atMs: number): void {
    this.times.push(atMs);
  }

  /** Takes one reservation back (the attempt was not judged, or it succeeded). */
  remove(atMs: number): void {
    const i = this.times.lastIndexOf(atMs);
    if (i >= 0) this.times.splice(i, 1);
  }

  clear(): void {
    this.times = [];
  }

  isEmpty(nowMs: number): boolean {
    return this.count(nowMs) === 0;
  }
}

/** The value for `key` in a map kept in least-recently-used order (Map keeps insertion order, so
 *  the used key is moved last); a new one is made, and beyond `capacity` the oldest is forgotten. */
export function lruGet<K, V>(map: Map<K, V>, key: K, make: () => V, capacity: number): V {
  const found = map.get(key);
  if (found !== undefined) map.delete(key);
  const value = found ?? make();
  map.set(key, value);
  if (map.size > capacity) map.delete(map.keys().next().value!);
  return value;
}

/** Logs by key, never evicted: for a small known set (the hall's accounts, its cases). Keys with no
 *  failure left in the window are dropped as they are met, so the map holds only live counters. */
export class KeptLogs<K> {
  protected readonly logs = new Map<K, AttemptLog>();

  constructor(protected readonly windowMs: number) {}

  get(key: K): AttemptLog {
    let log = this.logs.get(key);
    if (!log) {
      log = new AttemptLog(this.windowMs);
      this.logs.set(key, log);
    }
    return log;
  }

  peek(key: K): AttemptLog | undefined {
    return this.logs.get(key);
  }

  delete(key: K): void {
    this.logs.delete(key);
  }

  /** Drops the key when nothing is left in its window. */
  tidy(key: K, nowMs: number): void {
    if (this.logs.get(key)?.isEmpty(nowMs)) this.logs.delete(key);
  }

  /** Drops every key with nothing left in its window. */
  sweep(nowMs: number): void {
    for (const [key, log] of this.logs) if (log.isEmpty(nowMs)) this.logs.delete(key);
  }

  entries(): IterableIterator<[K, AttemptLog]> {
    return this.logs.entries();
  }

  get size(): number {
    return this.logs.size;
  }
}

/** Logs by key for an open-ended set (addresses, made-up names, unknown case numbers): at most
 *  `capacity` keys, the least recently used one forgotten first. Only keys of this kind are ever
 *  evicted, so a flood of them cannot push out a counter kept in a KeptLogs. */
export class BoundedLogs<K> extends KeptLogs<K> {
  constructor(
    windowMs: number,
    private readonly capacity: number,
  ) {
    super(windowMs);
  }

  override get(key: K): AttemptLog {
    return lruGet(this.logs, key, () => new AttemptLog(this.windowMs), this.capacity);
  }
}

/** One attempt's reservations across every counter it is limited by; settled exactly once. */
export class Reservation {
  private settled = false;

  constructor(
    private readonly logs: AttemptLog[],
    readonly atMs: number,
    /** True when this attempt takes the last slot of some counter: if it fails, the lock-out starts. */
    readonly last: boolean,
  ) {
    for (const log of logs) log.add(atMs);
  }

  /** The guess was wrong: it stays counted. */
  failed(): void {
    this.settled = true;
  }

  /** The attempt was never judged (a fault, the host too busy): it does not count. */
  release(): void {
    if (this.settled) return;
    this.settled = true;
    for (const log of this.logs) log.remove(this.atMs);
  }
}

/** Reserves one slot in each log, or says how long to wait when any of them is full. */
export function reserveAll(checks: Array<{ log: AttemptLog; max: number }>, nowMs: number): Reservation | { retryAfterMs: number } {
  let wait = 0;
  let last = false;
  for (const { log, max } of checks) {
    wait = Math.max(wait, log.retryAfterMs(max, nowMs));
    if (log.count(nowMs) === max - 1) last = true;
  }
  if (wait > 0) return { retryAfterMs: wait };
  return new Reservation(
    checks.map((c) => c.log),
    nowMs,
    last,
  );
}

/** The 429 for a refused attempt: the wait in whole minutes for the message, exact in Retry-After. */
export function tooManyAttempts(retryAfterMs: number, messageKey = 'rate_limited', details?: unknown): HallError {
  return new HallError('rate_limited', messageKey, { minutes: Math.max(1, Math.ceil(retryAfterMs / 60_000)), retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) }, details);
}

/** Who is guessing: a paired device by its id (its address may change), anyone else by address. */
export function guessingTerminal(principal: Principal | null, address: string): string {
  return principal?.kind === 'device' ? `device:${principal.device.id}` : `address:${address}`;
}

/** A paired device (as named by guessingTerminal): known to the hall, served first when checks queue. */
export const isPairedTerminal = (terminal: string): boolean => terminal.startsWith('device:');
