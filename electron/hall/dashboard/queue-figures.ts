// The queue now (DOMAIN §8): waiting per category, the longest current wait, each window's state,
// and today's issued / served / no-show with wait and service against the target.
import type { Db } from '../../../db/connection.js';
import { all, sql } from '../../../db/sql.js';
import type { QueueNow, WindowNow } from '../../contract/dashboard.js';
import { average, p90, round1, share } from './period.js';

const minutesSince = (fromIso: string, nowMs: number) => (nowMs - Date.parse(fromIso)) / 60_000;

export function queueNow(db: Db, p: { now: string; today: string; targetMinutes: number }): QueueNow {
  const nowMs = Date.parse(p.now);
  // Through the partial index of waiting tickets: the queue's few rows, not every ticket of the day.
  const waiting = all<{ code: string; name: string; waiting: number; earliest: string | null }>(
    db,
    sql`SELECT c.code, c.name, count(t.id) AS waiting, min(t.arrived_at) AS earliest FROM queue_categories c
        LEFT JOIN tickets t INDEXED BY tickets_waiting ON t.category_id = c.id AND t.status = 'waiting' AND t.business_day = ${p.today}
        WHERE c.active = 1 GROUP BY c.id ORDER BY c.sort_order, c.code`,
  );
  const earliest = waiting.map((w) => w.earliest).filter((e): e is string => e !== null).sort()[0];
  const windows = all<{ number: number; name: string; status: string; ticket_number: string | null; ticket_status: string | null; called_at: string | null; serving_at: string | null }>(
    db,
    sql`SELECT w.number, w.name, w.status, t.number AS ticket_number, t.status AS ticket_status, t.called_at, t.serving_at
        FROM windows w LEFT JOIN tickets t ON t.window_id = w.id AND t.status IN ('called', 'serving')
        WHERE w.active = 1 ORDER BY w.number`,
  );
  const legs = all<{ seq: number | null; status: string; issued_at: string; called_at: string | null; serving_at: string | null; finished_at: string | null }>(
    db,
    sql`SELECT seq, status, issued_at, called_at, serving_at, finished_at FROM tickets WHERE business_day = ${p.today}`,
  );
  const called = legs.filter((l) => l.called_at !== null);
  const waits = called.map((l) => (Date.parse(l.called_at!) - Date.parse(l.issued_at)) / 60_000);
  const services = legs.filter((l) => l.status === 'done' && l.serving_at && l.finished_at).map((l) => (Date.parse(l.finished_at!) - Date.parse(l.serving_at!)) / 60_000);
  const above = waits.filter((w) => w > p.targetMinutes).length;
  const noShow = legs.filter((l) => l.status === 'no_show').length;
  return {
    waiting: waiting.map(({ code, name, waiting: n }) => ({ code, name, waiting: n })),
    waitingTotal: waiting.reduce((a, w) => a + w.waiting, 0),
    longestWaitMinutes: earliest ? round1(minutesSince(earliest, nowMs)) : null,
    windows: windows.map((w): WindowNow => {
      const at = w.ticket_status === 'serving' ? w.serving_at : w.called_at;
      if (w.ticket_number) return { number: w.number, name: w.name, state: w.ticket_status === 'serving' ? 'serving' : 'called', ticketNumber: w.ticket_number, forMinutes: at ? round1(minutesSince(at, nowMs)) : null };
      const state = w.status === 'paused' ? 'paused' : w.status === 'open' ? 'empty' : 'closed';
      return { number: w.number, name: w.name, state, ticketNumber: null, forMinutes: null };
    }),
    issued: legs.filter((l) => l.seq !== null).length,
    served: legs.filter((l) => l.status === 'done').length,
    noShow,
    noShowRate: share(noShow, called.length),
    legsCalled: called.length,
    avgWaitMinutes: round1(average(waits)),
    p90WaitMinutes: round1(p90(waits)),
    avgServiceMinutes: round1(average(services)),
    p90ServiceMinutes: round1(p90(services)),
    targetMinutes: p.targetMinutes,
    aboveTarget: above,
    aboveTargetShare: share(above, called.length),
  };
}
