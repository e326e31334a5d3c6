// Every notice a case was ever given (一次性告知, DOMAIN §2). The timeline keeps them: each accept,
// request-correction and reject event is one notice, numbered by the event's seq, so a notice handed
// over last week reprints exactly as it was even after a later round changed the case row.
import type { Db } from '../../../db/connection.js';
import { all, sql } from '../../../db/sql.js';
import type { CorrectionEntry, NoticeKind } from '../../contract/cases.js';
import { workingCalendar } from '../calendar/service.js';
import { addWorkingDays } from '../calendar/working-days.js';
import { HallError } from '../http/errors.js';
import { businessDayOf } from '../queue/business-day.js';
import { getSetting } from '../settings/service.js';
import { missingMaterials, type CheckListRow } from './materials.js';

const ACTION_OF: Record<NoticeKind, string> = { acceptance: 'accept', correction: 'request-correction', rejection: 'reject' };

export interface GivenNotice {
  seq: number;
  at: string;
  actorName: string;
  detail: Record<string, unknown> | null;
}

/** The notices of one kind, oldest first. */
export function noticesGiven(db: Db, caseId: number, kind: NoticeKind): GivenNotice[] {
  const rows = all<{ seq: number; at: string; actor_name: string; display_name: string | null; detail: string | null }>(
    db,
    sql`SELECT e.seq, e.at, e.actor_name, u.display_name, e.detail FROM case_events e
        LEFT JOIN users u ON u.id = e.actor_id AND e.actor_kind = 'user'
        WHERE e.case_id = ${caseId} AND e.action = ${ACTION_OF[kind]} ORDER BY e.seq`,
  );
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actorName: r.display_name ?? r.actor_name,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
  }));
}

export const correctionsOf = (n: GivenNotice): CorrectionEntry[] => (n.detail?.corrections as CorrectionEntry[] | undefined) ?? [];

/** The last day to hand in a correction asked for at `at`: cases.correctionWorkingDays working days
 *  after that day in the hall's time zone, by the hall's calendar (the 补正告知书 prints it). */
export function correctionDeadline(db: Db, at: Date): string {
  const day = businessDayOf(at, getSetting(db, 'hall.timeZone'));
  return addWorkingDays(workingCalendar(db), day, getSetting(db, 'cases.correctionWorkingDays'));
}

/**
 * The rule of a correction round. The first notice must name every missing material; after a
 * resubmit the clerk may only ask again for materials of that first list — never a new one — and
 * must again name every one of them still missing.
 */
export function checkCorrectionRound(db: Db, caseId: number, rows: readonly CheckListRow[], corrections: readonly CorrectionEntry[]): void {
  const first = noticesGiven(db, caseId, 'correction')[0];
  const missing = missingMaterials(rows).map((m) => m.name);
  if (!first) {
    const omitted = missing.filter((name) => !corrections.some((c) => c.name === name));
    if (omitted.length) throw new HallError('domain_rule', 'correction_incomplete', { names: omitted.join('、') }, { omitted });
    return;
  }
  const firstList = new Set(correctionsOf(first).map((c) => c.name));
  const added = corrections.filter((c) => !firstList.has(c.name)).map((c) => c.name);
  if (added.length) throw new HallError('domain_rule', 'correction_not_in_first_notice', { names: added.join('、') }, { added, firstNotice: first.seq });
  const omitted = missing.filter((name) => firstList.has(name) && !corrections.some((c) => c.name === name));
  if (omitted.length) throw new HallError('domain_rule', 'correction_incomplete', { names: omitted.join('、') }, { omitted });
}
