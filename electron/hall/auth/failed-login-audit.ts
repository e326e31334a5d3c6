// Failed logins in the audit trail, bounded. Anyone on the network can send wrong passwords, so a row
// per failure would let anyone grow the (append-only) audit log without limit. Instead, per
// (address, name) and limiter window (refusals of made-up names per address):
//   login-failed          the first failure of the window
//   login-locked          the failure that starts the lock-out
//   login-failed-summary  when the window ends: how many failed and how many were refused in it
// and over everything at most ROWS_PER_MINUTE such rows a minute; past that only a count is kept,
// written as one login-failed-suppressed row when the minute is over. No row holds the name typed
// (it may be a password typed in the wrong box); a real account is named by its id.
import type { Db } from '../../../db/connection.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';

export interface FailedLoginAuditOptions {
  windowMs: number;
  rowsPerMinute: number;
  /** (address, name) pairs remembered at most; the oldest is folded into the suppressed count. */
  maxKeys: number;
}

export const FAILED_LOGIN_AUDIT: FailedLoginAuditOptions = { windowMs: 15 * 60_000, rowsPerMinute: 10, maxKeys: 5_000 };

interface Tally {
  address: string;
  accountId: number | null;
  startMs: number;
  failures: number;
  refused: number;
  /** Failures and refusals already told by a row. */
  told: number;
}

export class FailedLoginAudit {
  /** Insertion order is window start order: a new window re-inserts its key at the end. */
  private readonly tallies = new Map<string, Tally>();
  private minute = -1;
  private rowsThisMinute = 0;
  private suppressed = 0;
  private suppressedMinute = -1;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly options: FailedLoginAuditOptions = FAILED_LOGIN_AUDIT,
  ) {}

  /** A wrong password was judged. `lockStarts`: this failure filled the last slot of a limit. */
  failed(address: string, username: string, accountId: number | null, lockStarts: boolean): void {
    const nowMs = this.clock.now().getTime();
    this.flush(nowMs);
    const tally = this.tally(address, username, accountId, nowMs);
    tally.failures++;
    if (tally.failures === 1) this.write(tally, 'login-failed', nowMs);
    else if (lockStarts) this.write(tally, 'login-locked', nowMs);
  }

  /** An attempt refused by the limiter without being judged (429). */
  refused(address: string, username: string, accountId: number | null): void {
    const nowMs = this.clock.now().getTime();
    this.flush(nowMs);
    // Refused made-up names are tallied per address only: a spray of them is one tally, not thousands.
    this.tally(address, accountId === null ? '*' : username, accountId, nowMs).refused++;
  }

  /** Writes what ended: the summaries of windows over, the count suppressed in a minute over.
   *  `all`: every open window too (the host is stopping). */
  flush(nowMs: number, all = false): void {
    for (const [key, tally] of this.tallies) {
      if (!all && nowMs - tally.startMs < this.options.windowMs) break;
      this.tallies.delete(key);
      this.summarize(tally, nowMs);
    }
    if (this.suppressed > 0 && (all || Math.floor(nowMs / 60_000) !== this.suppressedMinute)) {
      const attempts = this.suppressed;
      this.suppressed = 0;
      this.append({ kind: 'system', id: null, name: 'login', terminal: null }, nowMs, 'login-failed-suppressed', null, { attempts });
    }
  }

  private tally(address: string, username: string, accountId: number | null, nowMs: number): Tally {
    const key = accountId === null ? `${address}\u0000name\u0000${username.toLowerCase()}` : `${address}\u0000account\u0000${accountId}`;
    const existing = this.tallies.get(key);
    if (existing) return existing;
    const tally: Tally = { address, accountId, startMs: nowMs, failures: 0, refused: 0, told: 0 };
    this.tallies.set(key, tally);
    if (this.tallies.size > this.options.maxKeys) {
      const [oldestKey, oldest] = this.tallies.entries().next().value!;
      this.tallies.delete(oldestKey);
      this.suppress(oldest.failures + oldest.refused - oldest.told, nowMs);
    }
    return tally;
  }

  private summarize(tally: Tally, nowMs: number): void {
    // Only what no row has told yet: a single failure was told by its login-failed row.
    if (tally.failures + tally.refused > tally.told) this.write(tally, 'login-failed-summary', nowMs);
  }

  private write(tally: Tally, action: string, nowMs: number): void {
    const untold = tally.failures + tally.refused - tally.told;
    tally.told = tally.failures + tally.refused;
    const minute = Math.floor(nowMs / 60_000);
    if (minute !== this.minute) {
      this.minute = minute;
      this.rowsThisMinute = 0;
    }
    if (this.rowsThisMinute >= this.options.rowsPerMinute) {
      this.suppress(untold, nowMs);
      return;
    }
    this.rowsThisMinute++;
    this.append({ kind: 'system', id: null, name: 'login', terminal: tally.address }, nowMs, action, tally.accountId, {
      failures: tally.failures,
      refused: tally.refused,
      since: new Date(tally.startMs).toISOString(),
    });
  }

  private suppress(attempts: number, nowMs: number): void {
    if (attempts <= 0) return;
    this.suppressed += attempts;
    this.suppressedMinute = Math.floor(nowMs / 60_000);
  }

  private append(actor: Parameters<typeof appendAudit>[1], nowMs: number, action: string, accountId: number | null, detail: Record<string, unknown>): void {
    this.db.transaction(() => appendAudit(this.db, actor, new Date(nowMs), { action, entity: 'user', entityId: accountId, detail })).immediate();
  }
}
