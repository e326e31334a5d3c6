// The kiosk's "where is my case" (DOMAIN §2): case number + query password → the state and dates,
// nothing personal. A wrong password and an unknown number read the same.
//
// The query password has six digits, so guessing is limited before scrypt is awaited (a slot is
// reserved per attempt, STYLE §13):
// - per case number: 5 failures in an hour lock the case's lookup. The lock is what protects the
//   password; the clerk sees it (GET /cases/lookup-locks, the case's detail screen) and may lift it
//   for the citizen at the counter (audited). Unknown numbers are counted the same way, so a lock
//   does not tell which numbers exist; they live in a bounded map that never evicts a real case.
// - per terminal (the kiosk device, or the address of a caller without a token): 20 failures in 10
//   minutes, so one terminal cannot spread guesses over many cases. It is short because a public
//   kiosk serves many citizens and lifts itself; the clerk cannot lift it.
import type { Db } from '../../../db/connection.js';
import type { CaseLookupResponse, LookupLock } from '../../contract/cases.js';
import { appendAudit } from '../audit/chain.js';
import { BoundedLogs, isPairedTerminal, KeptLogs, reserveAll, tooManyAttempts, type WindowRule } from '../auth/attempt-window.js';
import { checkGate, DUMMY_HASH, verifyPassword, type WorkGate } from '../auth/passwords.js';
import type { Clock } from '../clock.js';
import { conflict, HallError, notFound } from '../http/errors.js';
import type { Actor } from '../http/principal.js';
import { businessDayOf } from '../queue/business-day.js';
import { rateableStages } from '../queue/case-ratings.js';
import { getSetting } from '../settings/service.js';
import { followupOpen } from '../work-orders/work-order-store.js';
import { caseByNo, findCase, type CaseRow } from './case-store.js';

export interface LookupRules {
  perCase: WindowRule;
  perTerminal: WindowRule;
  /** Unknown case numbers and terminals remembered at most (each). */
  maxOpenKeys: number;
}

export const LOOKUP_RULES: LookupRules = {
  perCase: { max: 5, windowMs: 60 * 60_000 },
  perTerminal: { max: 20, windowMs: 10 * 60_000 },
  maxOpenKeys: 10_000,
};

/** The password, when it is this case's; a staff route passes `staffGate` so a flood of public
 *  guesses does not hold it up. */
export async function verifiedPassword(r: CaseRow, password: string, gate?: WorkGate): Promise<string | null> {
  return /^\d{6}$/.test(password) && (await verifyPassword(password, r.password_hash, gate)) ? password : null;
}

export class CaseLookup {
  /** Failures per existing case number: never evicted (cases are the hall's own). */
  private readonly cases: KeptLogs<string>;
  private readonly unknownCases: BoundedLogs<string>;
  private readonly terminals: BoundedLogs<string>;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly rules: LookupRules = LOOKUP_RULES,
  ) {
    this.cases = new KeptLogs(rules.perCase.windowMs);
    this.unknownCases = new BoundedLogs(rules.perCase.windowMs, rules.maxOpenKeys);
    this.terminals = new BoundedLogs(rules.perTerminal.windowMs, rules.maxOpenKeys);
  }

  async find(terminal: string, caseNo: string, password: string): Promise<CaseLookupResponse> {
    const r = await this.verify(terminal, caseNo, password);
    const tz = getSetting(this.db, 'hall.timeZone');
    return {
      caseNo: r.case_no,
      status: r.status,
      itemName: r.item_name,
      receivedDate: businessDayOf(new Date(r.received_at), tz),
      acceptedDate: r.accepted_day,
      dueDate: r.due_date,
      rateableStages: rateableStages(this.db, this.clock, r),
      followupOpen: followupOpen(this.db, r.id),
    };
  }

  /** The case, once its number and password hold, under the lookup's limits: the kiosk's case rating
   *  proves the citizen holds the case the same way, so it is no second door for guessing. */
  async verify(terminal: string, caseNo: string, password: string): Promise<CaseRow> {
    const nowMs = this.clock.now().getTime();
    const { perCase, perTerminal } = this.rules;
    // A terminal that is refused creates no counter for the number it tried.
    const terminalWait = this.terminals.peek(terminal)?.retryAfterMs(perTerminal.max, nowMs) ?? 0;
    if (terminalWait > 0) throw tooManyAttempts(terminalWait, 'case_lookup_locked');
    const r = caseByNo(this.db, caseNo);
    const caseLog = r ? this.cases.get(r.case_no) : this.unknownCases.get(caseNo);
    const taken = reserveAll([{ log: caseLog, max: perCase.max }, { log: this.terminals.get(terminal), max: perTerminal.max }], nowMs);
    if (!('atMs' in taken)) {
      if (r) this.cases.tidy(r.case_no, nowMs);
      throw tooManyAttempts(taken.retryAfterMs, 'case_lookup_locked');
    }
    let ok: boolean;
    try {
      // Hash even for an unknown number, so the time taken does not tell which numbers exist.
      // A paired kiosk is served before callers without a token when checks queue up.
      ok = await verifyPassword(password, r?.password_hash ?? DUMMY_HASH, checkGate, isPairedTerminal(terminal) ? 'known' : 'public');
    } catch (err) {
      taken.release();
      throw err;
    }
    if (!r || !ok) {
      taken.failed();
      throw new HallError('not_found', 'case_lookup_failed');
    }
    // The citizen holds the password: earlier failures on this case are forgiven.
    taken.release();
    this.cases.delete(r.case_no);
    return r;
  }

  /** Cases whose lookup is locked now, newest lock first. */
  locks(): LookupLock[] {
    const nowMs = this.clock.now().getTime();
    const { max } = this.rules.perCase;
    const locked: LookupLock[] = [];
    for (const [caseNo, log] of [...this.cases.entries()]) {
      const wait = log.retryAfterMs(max, nowMs);
      if (wait === 0) {
        this.cases.tidy(caseNo, nowMs);
        continue;
      }
      const r = caseByNo(this.db, caseNo);
      if (r) locked.push({ caseId: r.id, caseNo, failures: log.count(nowMs), lockedUntil: new Date(nowMs + wait).toISOString() });
    }
    return locked.sort((a, b) => b.lockedUntil.localeCompare(a.lockedUntil));
  }

  /** The clerk lifts a case's lock for the citizen at the counter; audited. 409 when not locked. */
  unlock(actor: Actor, caseId: number): void {
    const r = findCase(this.db, caseId);
    if (!r) throw notFound();
    const nowMs = this.clock.now().getTime();
    const log = this.cases.peek(r.case_no);
    if (!log || log.retryAfterMs(this.rules.perCase.max, nowMs) === 0) throw conflict('case_lookup_not_locked');
    const failures = log.count(nowMs);
    this.db.transaction(() =>
      appendAudit(this.db, actor, this.clock.now(), { action: 'case-lookup-unlock', entity: 'case', entityId: r.id, detail: { caseNo: r.case_no, failures } }),
    ).immediate();
    // Only after the row is written: no audit row, no unlock.
    this.cases.delete(r.case_no);
  }
}
