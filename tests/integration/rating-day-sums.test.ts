// Issue 10: the satisfaction figures come from per-day sums kept by triggers (migration 16). These
// tests hold the sums to the raw rows: ratings at 23:59 and 00:00 in the hall (Asia/Shanghai) on a
// host process in UTC land on their hall days, an upheld appeal takes its rating out, and after every
// kind of write the sums equal a recount of the rows done here, plainly (migration 19: cases and case
// ratings per day, item and village, with the cases concluded on time).
process.env.TZ = 'UTC';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type TestHall } from './support/hall.js';
import { addItems } from './support/cases.js';
import { setupQueue, type QueueFixture } from './support/queue.js';

const HOUR = 3_600_000;
/** The hall day of an ISO instant: Shanghai is UTC+8 all year. */
const hallDay = (iso: string) => new Date(Date.parse(iso) + 8 * HOUR).toISOString().slice(0, 10);

let h: TestHall;
let q: QueueFixture;
let lead: string;
/** Moves the test clock on to an instant. */
const at = (iso: string) => h.clock.advance(Date.parse(iso) - h.clock.now().getTime());

beforeAll(async () => {
  h = await startHall();
  // 23:50 on Monday 2 March in the hall: staff sign in shortly before midnight (a login lasts 12 hours).
  at('2026-03-02T15:50:00Z');
  addItems(h);
  q = await setupQueue(h, 1, [['A']]);
  lead = await h.userToken('supervisor', 'lead1');
});
afterAll(() => h.close());

const w1 = () => q.windows[0]!;

/** A ticket issued, called, served and completed now; returns its id. */
async function servedTicket(): Promise<number> {
  const id = (await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'A' } })).body.id as number;
  expect((await h.api('POST', `/windows/${w1().id}/call-next`, { token: w1().clerk })).body.ticket.id).toBe(id);
  expect((await h.api('POST', `/queue/tickets/${id}/start`, { token: w1().clerk })).status).toBe(200);
  expect((await h.api('POST', `/queue/tickets/${id}/complete`, { token: w1().clerk })).status).toBe(200);
  return id;
}

const rate = async (ticketId: number, level: number) => {
  const res = await h.api('POST', '/ratings', { token: q.rating.token, body: { ticketId, level } });
  expect(res.status).toBe(201);
  return res.body.id as number;
};
const totals = async (from: string, to: string) => (await h.api('GET', `/reports/ratings?from=${from}&to=${to}`, { token: lead })).body.totals;

describe('ratings on the hall day they were given, on a UTC host', () => {
  let late: number;
  it('23:59 belongs to Monday, 00:00 to Tuesday; the service rated stays on the day it was served', async () => {
    expect(new Date(0).getTimezoneOffset()).toBe(0);
    at('2026-03-02T15:58:00Z'); // 23:58 on Monday 2 March in the hall, before the queue closes at 23:59
    const first = await servedTicket();
    const second = await servedTicket();
    at('2026-03-02T15:59:30Z');
    late = await rate(first, 2);
    at('2026-03-02T16:00:30Z'); // 00:00:30 on Tuesday
    await rate(second, 5);

    expect(await totals('2026-03-02', '2026-03-02')).toMatchObject({ servicesFinished: 2, servicesRated: 2, ratedShare: 1, ratings: 1, satisfied: 0, bad: 1, satisfiedShare: 0 });
    expect(await totals('2026-03-03', '2026-03-03')).toMatchObject({ servicesFinished: 0, servicesRated: 0, ratedShare: null, ratings: 1, satisfied: 1, bad: 0 });
    const d = (await h.api('GET', '/dashboard', { token: lead })).body;
    expect(d.businessDay).toBe('2026-03-03');
    expect(d.ratingsToday).toMatchObject({ ratings: 1, satisfied: 1, bad: 0 });
    expect(d.ratingsMonth).toMatchObject({ from: '2026-03-01', to: '2026-03-03', ratings: 2, satisfied: 1, bad: 1, servicesFinished: 2, servicesRated: 2 });
    const days = (await h.api('GET', '/reports/summary?from=2026-03-02&to=2026-03-03', { token: lead })).body.days;
    expect(days.map((x: { businessDay: string; ratings: number; bad: number }) => [x.businessDay, x.ratings, x.bad])).toEqual([['2026-03-02', 1, 1], ['2026-03-03', 1, 0]]);
  });

  it('an upheld appeal takes the rating out of every figure; the rating itself stays', async () => {
    const order = (await h.api('GET', '/work-orders?view=all', { token: lead })).body.orders.find((o: { ratingId: number }) => o.ratingId === late);
    expect(await totals('2026-03-02', '2026-03-10')).toMatchObject({ ratings: 2, bad: 1, ordersDue: 1, servicesRated: 2 });
    expect((await h.api('POST', `/work-orders/${order.id}/appeal`, { token: w1().clerk, body: { reason: '群众对政策不满，非服务问题' } })).status).toBe(200);
    expect((await h.api('POST', `/work-orders/${order.id}/review`, { token: lead, body: { decision: 'upheld', reason: '经核实为政策性诉求' } })).status).toBe(200);
    expect(await totals('2026-03-02', '2026-03-10')).toMatchObject({ ratings: 1, bad: 0, satisfied: 1, ordersDue: 0, servicesFinished: 2, servicesRated: 1 });
    expect(await totals('2026-03-02', '2026-03-02')).toMatchObject({ ratings: 0, satisfiedShare: null, servicesRated: 1, ratedShare: 0.5 });
    expect(h.db.prepare('SELECT level, counted FROM ratings WHERE id = ?').get(late)).toEqual({ level: 2, counted: 0 });
  });
});

interface RatingRow { id: number; ticket_id: number | null; case_id: number | null; stage: string | null; level: number; channel: string; window_id: number | null; clerk_id: number | null; created_at: string }

/** The three day sums recounted from the raw rows, with zero rows left out. */
function recount() {
  const ratings = h.db.prepare('SELECT id, ticket_id, case_id, stage, level, channel, window_id, clerk_id, created_at FROM ratings').all() as RatingRow[];
  const ticketDay = new Map((h.db.prepare('SELECT id, business_day FROM tickets').all() as Array<{ id: number; business_day: string }>).map((t) => [t.id, t.business_day]));
  const cases = new Map((h.db.prepare('SELECT id, item_code, village_code, due_date, business_day, accepted_day, concluded_day FROM cases').all() as Array<{ id: number; item_code: string; village_code: string | null; due_date: string | null; business_day: string; accepted_day: string | null; concluded_day: string | null }>).map((c) => [c.id, c]));
  const example = new Set((h.db.prepare('SELECT code FROM items WHERE example = 1').all() as Array<{ code: string }>).map((i) => i.code));
  const upheld = new Set((h.db.prepare("SELECT rating_id FROM rating_work_orders WHERE review_decision = 'upheld'").all() as Array<{ rating_id: number }>).map((o) => o.rating_id));
  const daily = new Map<string, [number, number, number]>();
  const service = new Map<string, number>();
  const caseRatings = new Map<string, [number, number]>();
  for (const r of ratings) {
    const c = r.case_id === null ? undefined : cases.get(r.case_id);
    if (upheld.has(r.id) || (c && example.has(c.item_code))) continue;
    const key = [hallDay(r.created_at), r.channel, r.window_id ?? 0, r.clerk_id ?? 0].join('|');
    const [n, s, b] = daily.get(key) ?? [0, 0, 0];
    daily.set(key, [n + 1, s + (r.level >= 3 ? 1 : 0), b + (r.level <= 2 ? 1 : 0)]);
    if (c) {
      const byCase = [hallDay(r.created_at), c.item_code, c.village_code ?? ''].join('|');
      const [cn, cs] = caseRatings.get(byCase) ?? [0, 0];
      caseRatings.set(byCase, [cn + 1, cs + (r.level >= 3 ? 1 : 0)]);
    }
    const served = r.ticket_id !== null ? ticketDay.get(r.ticket_id) : r.stage === 'accepted' ? c?.accepted_day : r.stage === 'concluded' ? c?.concluded_day : null;
    if (served) service.set(served, (service.get(served) ?? 0) + 1);
  }
  // Per day, item and village: received, accepted, concluded, concluded on or before the due date.
  const caseDays = new Map<string, [number, number, number, number]>();
  const bump = (day: string | null, c: { item_code: string; village_code: string | null }, i: 0 | 1 | 2 | 3) => {
    if (day === null) return;
    const key = `${day}|${c.item_code}|${c.village_code ?? ''}`;
    const v = caseDays.get(key) ?? [0, 0, 0, 0];
    v[i]++;
    caseDays.set(key, v);
  };
  for (const c of cases.values()) {
    bump(c.business_day, c, 0);
    bump(c.accepted_day, c, 1);
    bump(c.concluded_day, c, 2);
    if (c.concluded_day !== null && (c.due_date === null || c.concluded_day <= c.due_date)) bump(c.concluded_day, c, 3);
  }
  return { daily: Object.fromEntries(daily), service: Object.fromEntries(service), cases: Object.fromEntries(caseDays), caseRatings: Object.fromEntries(caseRatings) };
}

function stored() {
  const rows = <T>(query: string) => h.db.prepare(query).all() as T[];
  return {
    daily: Object.fromEntries(rows<{ k: string; ratings: number; satisfied: number; bad: number }>("SELECT business_day || '|' || channel || '|' || window_id || '|' || clerk_id AS k, ratings, satisfied, bad FROM rating_daily WHERE ratings <> 0").map((r) => [r.k, [r.ratings, r.satisfied, r.bad]])),
    service: Object.fromEntries(rows<{ service_day: string; rated: number }>('SELECT service_day, rated FROM rating_service_daily WHERE rated <> 0').map((r) => [r.service_day, r.rated])),
    cases: Object.fromEntries(
      rows<{ k: string; received: number; accepted: number; concluded: number; on_time: number }>(
        "SELECT day || '|' || item_code || '|' || village_code AS k, received, accepted, concluded, concluded_on_time AS on_time FROM case_daily WHERE received <> 0 OR accepted <> 0 OR concluded <> 0",
      ).map((r) => [r.k, [r.received, r.accepted, r.concluded, r.on_time]]),
    ),
    caseRatings: Object.fromEntries(
      rows<{ k: string; ratings: number; satisfied: number }>("SELECT business_day || '|' || item_code || '|' || village_code AS k, ratings, satisfied FROM rating_case_daily WHERE ratings <> 0").map((r) => [r.k, [r.ratings, r.satisfied]]),
    ),
  };
}

describe('the day sums equal a recount of the rows after every kind of write', () => {
  const insCase = () =>
    h.db.prepare(`INSERT INTO cases (case_no, business_day, item_code, item_name, item_type, handling_level, limit_value, limit_unit, applicant_kind, applicant_name, id_type,
                  id_number, mobile, channel, status, password_hash, received_at, accepted_at, accepted_day, due_date, concluded_at, concluded_day, updated_at)
                  VALUES (?, ?, ?, '事项', '07', 'town', 5, 'working_days', 'person', '王芳', 'resident_id', '11010519491231002X', '13812345678', 'window', ?, 'x', ?, ?, ?, '2026-03-20', ?, ?, ?)`);
  const insRating = () => h.db.prepare("INSERT INTO ratings (ticket_id, case_id, stage, level, channel, window_id, clerk_id, device_id, created_at) VALUES (NULL, ?, ?, ?, 'kiosk', NULL, NULL, NULL, ?)");
  const change = (what: string, statement: string, ...params: unknown[]) => {
    h.db.prepare(statement).run(...params);
    expect(stored(), what).toEqual(recount());
  };

  it('cases and their stage ratings, an item turned into an example and back, moved days, an appeal, deletions', () => {
    // Two cases of TOWN01 and one of TOWN02, received at 23:30 and accepted after midnight in the hall.
    const ids = ['TOWN01', 'TOWN01', 'TOWN02'].map((item, i) =>
      Number(insCase().run(`R${i}`, '2026-03-04', item, 'concluded', '2026-03-04T15:30:00.000Z', '2026-03-04T16:10:00.000Z', '2026-03-05', '2026-03-06T02:00:00.000Z', '2026-03-06', '2026-03-06T02:00:00.000Z').lastInsertRowid),
    );
    const stageRatings = ids.flatMap((id, i) => [
      Number(insRating().run(id, 'accepted', 1 + i, '2026-03-04T16:20:00.000Z').lastInsertRowid),
      Number(insRating().run(id, 'concluded', 5 - i, '2026-03-06T15:59:59.999Z').lastInsertRowid),
    ]);
    expect(stored()).toEqual(recount());
    expect(stored().service).toMatchObject({ '2026-03-05': 3, '2026-03-06': 3 });

    const rated = () => Object.values(stored().service).reduce((a, b) => a + b, 0);
    const before = rated();
    change('an item becomes an example', "UPDATE items SET example = 1 WHERE code = 'TOWN01'");
    expect(rated()).toBe(before - 4);
    change('… and a real item again', "UPDATE items SET example = 0 WHERE code = 'TOWN01'");
    expect(rated()).toBe(before);
    change('another item becomes an example', "UPDATE items SET example = 1 WHERE code = 'TOWN02'");
    change('its case moves to a real item', 'UPDATE cases SET item_code = ? WHERE id = ?', 'TOWN01', ids[2]);
    change('a stage reached on another day', "UPDATE cases SET concluded_day = '2026-03-09' WHERE id = ?", ids[0]);
    change('a case moved to a village', "UPDATE cases SET village_code = '330102001' WHERE id = ?", ids[1]);
    change('… and to another', "UPDATE cases SET village_code = '330102002' WHERE id = ?", ids[1]);
    change('a due date moved before the conclusion (late)', "UPDATE cases SET due_date = '2026-03-05' WHERE id = ?", ids[1]);
    change('… and cleared (no due date is never late)', 'UPDATE cases SET due_date = NULL WHERE id = ?', ids[1]);
    change('a rating given at another time and level', "UPDATE ratings SET created_at = '2026-03-02T03:00:00.000Z', level = 3 WHERE id = ?", stageRatings[0]);
    change('an appeal upheld', `INSERT INTO rating_work_orders (rating_id, real_name, opened_at, business_day, callback_due, rectify_due, appeal_reason, appeal_at, review_decision)
                                VALUES (?, 1, '2026-03-05T00:00:00Z', '2026-03-05', '2026-03-06', '2026-03-12', '非本人', '2026-03-05T01:00:00Z', 'upheld')`, stageRatings[2]);
    change('… reversed', 'UPDATE rating_work_orders SET review_decision = NULL WHERE rating_id = ?', stageRatings[2]);
    change('… upheld again', "UPDATE rating_work_orders SET review_decision = 'upheld' WHERE rating_id = ?", stageRatings[2]);
    change('its order removed', 'DELETE FROM rating_work_orders WHERE rating_id = ?', stageRatings[2]);
    change('a rating removed', 'DELETE FROM ratings WHERE id = ?', stageRatings[3]);
    change('a case removed', 'DELETE FROM cases WHERE id = ?', ids[1]);
    change('a ticket’s day moved', "UPDATE tickets SET business_day = '2026-03-01' WHERE id = (SELECT min(ticket_id) FROM ratings)");
  });
});
