// Upload health (DOMAIN §8): records still to send, the oldest of them, the last good exchange;
// and the village agents' figures once their tables exist (DOMAIN §4).
import type { Db } from '../../../db/connection.js';
import { all, get, sql } from '../../../db/sql.js';
import type { Dashboard } from '../../contract/dashboard.js';
import { addWorkingDays, type WorkingCalendar } from '../calendar/working-days.js';
import { businessDayOf } from '../queue/business-day.js';
import { oldestPendingAt, outboxCounts } from '../sync/outbox-figures.js';

export function uploadHealth(db: Db): Dashboard['upload'] {
  // The counters (migration 22) and the pending records' own index entries: the outbox keeps every
  // record for good, and summing over it read the whole table at each dashboard refresh.
  const counts = outboxCounts(db);
  const s = get<{ last_success_at: string | null }>(db, sql`SELECT last_success_at FROM sync_state WHERE id = 1`);
  return { pending: counts.pending + counts.sending, oldestPendingAt: oldestPendingAt(db), lastSuccessAt: s?.last_success_at ?? null, rejected: counts.rejected };
}

function hasTable(db: Db, name: string): boolean {
  return get(db, sql`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ${name}`) !== undefined;
}

/** The hand-over limit of an authorised agent request (DOMAIN §8): 3 working days. */
export const HANDOVER_WORKING_DAYS = 3;

/**
 * Requests per village this month, and hand-overs overdue: authorised more than the limit ago and
 * still only submitted (not handed over). Null while the agents' tables are absent.
 */
export function agentFigures(db: Db, p: { monthStart: string; today: string; timeZone: string; calendar: WorkingCalendar }): Dashboard['agents'] {
  if (!hasTable(db, 'agent_requests') || !hasTable(db, 'villages')) return null;
  const requestsByVillage = all<{ village: string; name: string; count: number }>(
    db,
    sql`SELECT v.code AS village, v.name, count(a.id) AS count FROM villages v
        LEFT JOIN agent_requests a ON a.village_code = v.code AND a.created_at >= ${p.monthStart}
        WHERE v.active = 1 GROUP BY v.code ORDER BY count DESC, v.code`,
  );
  const waiting = all<{ authorised_at: string }>(db, sql`SELECT authorised_at FROM agent_requests WHERE state = 'submitted'`);
  const handoverOverdue = waiting.filter((a) => addWorkingDays(p.calendar, businessDayOf(new Date(a.authorised_at), p.timeZone), HANDOVER_WORKING_DAYS) < p.today).length;
  return { requestsByVillage, handoverOverdue };
}
