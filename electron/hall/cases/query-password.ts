// A new query password for a citizen who lost theirs (DOMAIN §1): the old one stops working at once,
// the new one leaves the host once, in the answer, and only its hash is kept.
import type { Db } from '../../../db/connection.js';
import { run, sql } from '../../../db/sql.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import { notFound } from '../http/errors.js';
import type { Actor } from '../http/principal.js';
import { findCase } from './case-store.js';

/** Stores the new password's hash and the audit row in one transaction; the caller hashed it first
 *  (scrypt is slow on purpose and must not hold the write lock). */
export function reissueQueryPassword(db: Db, clock: Clock, actor: Actor, caseId: number, passwordHash: string): { caseNo: string } {
  return db
    .transaction(() => {
      const r = findCase(db, caseId);
      if (!r) throw notFound();
      run(db, sql`UPDATE cases SET password_hash = ${passwordHash} WHERE id = ${r.id}`);
      appendAudit(db, actor, clock.now(), { action: 'case-query-password-reissue', entity: 'case', entityId: r.id, detail: { caseNo: r.case_no } });
      return { caseNo: r.case_no };
    })
    .immediate();
}
