// The kiosk's "where is my case" (DOMAIN §2): case number + query password → the state and dates,
// nothing personal. Guessing is slowed like the staff login: after a few failures for one case number
// from one address, the answer is "try later". A wrong password and an unknown number read the same.
import type { Db } from '../../../db/connection.js';
import type { CaseLookupResponse } from '../../contract/cases.js';
import { DUMMY_HASH, verifyPassword } from '../auth/passwords.js';
import { LoginLimiter } from '../auth/login-limiter.js';
import type { Clock } from '../clock.js';
import { HallError } from '../http/errors.js';
import { businessDayOf } from '../queue/business-day.js';
import { rateableStages } from '../queue/case-ratings.js';
import { getSetting } from '../settings/service.js';
import { caseByNo, type CaseRow } from './case-store.js';

export async function verifiedPassword(r: CaseRow, password: string): Promise<string | null> {
  return /^\d{6}$/.test(password) && (await verifyPassword(password, r.password_hash)) ? password : null;
}

export class CaseLookup {
  private readonly limiter = new LoginLimiter();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async find(ip: string, caseNo: string, password: string): Promise<CaseLookupResponse> {
    const r = await this.verify(ip, caseNo, password);
    const tz = getSetting(this.db, 'hall.timeZone');
    return {
      caseNo: r.case_no,
      status: r.status,
      itemName: r.item_name,
      receivedDate: businessDayOf(new Date(r.received_at), tz),
      acceptedDate: r.accepted_day,
      dueDate: r.due_date,
      rateableStages: rateableStages(this.db, this.clock, r),
    };
  }

  /** The case, once its number and password hold, under the lookup's limit: the kiosk's case rating
   *  proves the citizen holds the case the same way, so it is no second door for guessing. */
  async verify(ip: string, caseNo: string, password: string): Promise<CaseRow> {
    const nowMs = this.clock.now().getTime();
    const waitMs = this.limiter.retryAfterMs(ip, caseNo, nowMs);
    if (waitMs > 0) throw new HallError('rate_limited', 'rate_limited', { minutes: Math.ceil(waitMs / 60_000) });
    const r = caseByNo(this.db, caseNo);
    // Hash even for an unknown number, so the time taken does not tell which numbers exist.
    const ok = await verifyPassword(password, r?.password_hash ?? DUMMY_HASH);
    if (!r || !ok) {
      this.limiter.recordFailure(ip, caseNo, nowMs);
      throw new HallError('not_found', 'case_lookup_failed');
    }
    this.limiter.recordSuccess(ip, caseNo);
    return r;
  }
}
