// Issue 10 part 2: the dashboard's and the satisfaction report's figures equal figures computed here,
// plainly, from the raw rows of a generated month — at the hall's day boundaries (Asia/Shanghai,
// UTC+8 with no daylight saving) while the host process runs on UTC.
process.env.TZ = 'UTC';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseTotals, SummaryReport } from '../../electron/contract/reports.js';
import { closePastDays } from '../../electron/hall/queue/day-end.js';
import { startHall, type TestHall } from './support/hall.js';
import { addItems } from './support/cases.js';
import { setupQueue, type QueueFixture } from './support/queue.js';

const HOUR = 3_600_000;
const MIN = 60_000;
/** 14:00 in the hall on Friday 2026-03-20. */
const NOW = Date.parse('2026-03-20T06:00:00Z');
const TODAY = '2026-03-20';
const MONTH = { from: '2026-03-01', to: '2026-03-20' };
/** yellowAt 2: due today, Monday 23 or Tuesday 24 is yellow (March 2026 has no holidays). */
const YELLOW_UNTIL = '2026-03-24';
const TARGET = 15;

/** The hall day of an instant: Shanghai is UTC+8 all year. */
const hallDay = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`) - 8 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** TOWN02 has cases but no catalogue row: a case counts unless its item is an example. */
const ITEM_NAMES: Record<string, string> = { TOWN01: '居住证明', TOWN02: '困难证明', CNTY01: '低保申请' };
/** One village the hall knows by name; 320703104002 is on cases only. */
const VILLAGE_NAMES: Record<string, string> = { '320703104001': '东岭村' };

interface T { id: number; day: string; cat: 'A' | 'B'; seq: number | null; status: string; arrived: number; issued: number; called: number | null; serving: number | null; finished: number | null; window: number | null }
interface C { id: number; example: boolean; status: string; day: string; acceptedDay: string | null; concludedDay: string | null; due: string | null; item: string; village: string | null; accepted: number | null; concluded: number | null }
interface R { id: number; ticket: number | null; caseId: number | null; stage: string | null; level: number; at: number; channel: string }
interface O { ratingId: number; realName: boolean; rectifyDue: string; callback: boolean; outcome: string | null; upheld: boolean }

let h: TestHall;
let q: QueueFixture;
let lead: string;
const tickets: T[] = [];
const cases: C[] = [];
const ratings: R[] = [];
const orders: O[] = [];

function generate(): void {
  const rnd = random(20260320);
  const pick = <X>(xs: readonly X[]) => xs[Math.floor(rnd() * xs.length)]!;
  const db = h.db;
  const cat = Object.fromEntries((db.prepare('SELECT code, id FROM queue_categories').all() as Array<{ code: string; id: number }>).map((c) => [c.code, c.id]));
  const win = Object.fromEntries((db.prepare('SELECT number, id, clerk_id FROM windows').all() as Array<{ number: number; id: number; clerk_id: number }>).map((w) => [w.number, w]));
  const kioskId = (db.prepare("SELECT id FROM devices WHERE kind = 'kiosk'").get() as { id: number }).id;
  const insTicket = db.prepare(`INSERT INTO tickets (business_day, category_id, seq, number, status, arrived_at, issued_at, called_at, serving_at, finished_at, window_id, clerk_id, transferred_from)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insRating = db.prepare('INSERT INTO ratings (ticket_id, case_id, stage, level, channel, window_id, clerk_id, device_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insCase = db.prepare(`INSERT INTO cases (case_no, business_day, item_code, item_name, item_type, handling_level, limit_value, limit_unit, applicant_kind, applicant_name, id_type,
                              id_number, mobile, channel, village_code, status, password_hash, received_at, accepted_at, accepted_day, due_date, concluded_at, concluded_day, updated_at)
                              VALUES (?, ?, ?, ?, '07', 'town', 5, 'working_days', 'person', '王芳', 'resident_id', '11010519491231002X', '13812345678', 'window', ?, ?, 'x', ?, ?, ?, ?, ?, ?, ?)`);
  const insOrder = db.prepare(`INSERT INTO rating_work_orders (rating_id, clerk_id, real_name, opened_at, business_day, callback_due, rectify_due, callback_at, callback_contacted, callback_method,
                               callback_contact_at, callback_answer, closed_at, outcome, appeal_reason, appeal_at, review_decision, review_reason, review_at)
                               VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);

  function rate(r: Omit<R, 'id'>, windowId: number | null): void {
    const id = Number(insRating.run(r.ticket, r.caseId, r.stage, r.level, r.channel, windowId, null, r.channel === 'pad' ? q.rating.id : kioskId, iso(r.at)).lastInsertRowid);
    ratings.push({ ...r, id });
    if (r.level > 2) return;
    const day = hallDay(r.at);
    const o: O = { ratingId: id, realName: r.caseId !== null, rectifyDue: addDays(day, 7), callback: rnd() < 0.7, outcome: null, upheld: rnd() < 0.1 };
    if (o.upheld) o.outcome = 'appeal-upheld';
    else if (o.callback && rnd() < 0.6) o.outcome = pick(['rectified', 'answered']);
    const later = iso(Math.min(r.at + HOUR, NOW));
    insOrder.run(id, o.realName ? 1 : 0, iso(r.at), day, addDays(day, 1), o.rectifyDue, o.callback ? later : null, o.callback ? 1 : null, o.callback ? 'phone' : null, o.callback ? later : null, o.callback ? '已回访' : null,
      o.outcome ? later : null, o.outcome, o.upheld ? '非本人服务' : null, o.upheld ? later : null, o.upheld ? 'upheld' : null, o.upheld ? '属实' : null, o.upheld ? later : null);
    orders.push(o);
  }

  const seqs = new Map<string, number>();
  for (let day = '2026-02-27'; day <= TODAY; day = addDays(day, 1)) {
    const start = dayStart(day);
    const last = day === TODAY ? NOW - 2 * HOUR : start + 24 * HOUR - MIN;
    const n = 6 + Math.floor(rnd() * 10);
    for (let i = 0; i < n; i++) {
      const c = pick(['A', 'B'] as const);
      const key = `${day}${c}`;
      const seq = (seqs.get(key) ?? 0) + 1;
      seqs.set(key, seq);
      // The first and last tickets of a day sit on its edges: 00:00 and 23:59 in the hall.
      const issued = i === 0 ? start : i === 1 && day !== TODAY ? last : start + Math.floor(rnd() * (last - start));
      const winNo = c === 'A' ? 1 : 2;
      const roll = rnd();
      const status = day === TODAY && roll < 0.25 ? 'waiting' : roll < 0.65 ? 'done' : roll < 0.8 ? 'no_show' : roll < 0.9 ? 'cancelled' : 'transferred';
      const t: T = { id: 0, day, cat: c, seq, status, arrived: issued, issued, called: null, serving: null, finished: null, window: null };
      if (status !== 'waiting' && status !== 'cancelled') {
        t.called = issued + Math.floor(rnd() * 40 * MIN);
        t.window = winNo;
        if (status === 'done' || status === 'transferred') { t.serving = t.called + 30_000; t.finished = t.serving + Math.floor((1 + rnd() * 19) * MIN); }
        if (status === 'no_show') t.finished = t.called + 5 * MIN;
      }
      const w = t.window ? win[t.window]! : null;
      t.id = Number(insTicket.run(day, cat[c], seq, `${c}${String(seq).padStart(3, '0')}`, status, iso(t.arrived), iso(t.issued), t.called && iso(t.called), t.serving && iso(t.serving), t.finished && iso(t.finished), w?.id ?? null, w?.clerk_id ?? null, null).lastInsertRowid);
      tickets.push(t);
      if (status === 'transferred') {
        // The second leg starts at the transfer and is served at the other window.
        const other = win[winNo === 1 ? 2 : 1]!;
        const leg: T = { id: 0, day, cat: c, seq: null, status: 'done', arrived: issued, issued: t.finished!, called: t.finished! + 3 * MIN, serving: t.finished! + 4 * MIN, finished: t.finished! + 10 * MIN, window: winNo === 1 ? 2 : 1 };
        leg.id = Number(insTicket.run(day, cat[c], null, `${c}${String(seq).padStart(3, '0')}`, 'done', iso(leg.arrived), iso(leg.issued), iso(leg.called!), iso(leg.serving!), iso(leg.finished!), other.id, other.clerk_id, t.id).lastInsertRowid);
        tickets.push(leg);
      }
      if (status === 'done' && rnd() < 0.6) rate({ ticket: t.id, caseId: null, stage: null, level: 1 + Math.floor(rnd() * 5), at: t.finished! + MIN, channel: 'pad' }, w!.id);
    }
    for (let i = 0; i < 3; i++) {
      const example = rnd() < 0.2;
      const received = start + Math.floor(rnd() * (last - start - 4 * HOUR));
      const status = pick(['received', 'accepted', 'in_review', 'concluded', 'concluded'] as const);
      const accepted = status === 'received' ? null : received + 30 * MIN;
      const concluded = status === 'concluded' ? Math.min(received + 2 * HOUR + Math.floor(rnd() * 3 * 86_400_000), NOW - HOUR) : null;
      const due = accepted === null ? null : addDays(TODAY, Math.floor(rnd() * 14) - 7);
      const c: C = { id: 0, example, status, day, acceptedDay: accepted === null ? null : hallDay(accepted), concludedDay: concluded === null ? null : hallDay(concluded), due, item: example ? 'CNTY01' : (i + Number(day.slice(8))) % 2 ? 'TOWN02' : 'TOWN01', village: pick(['320703104001', '320703104002', null]), accepted, concluded };
      c.id = Number(insCase.run(`C${day}${i}`, day, c.item, ITEM_NAMES[c.item], c.village, status, iso(received), accepted && iso(accepted), c.acceptedDay, due, concluded && iso(concluded), c.concludedDay, iso(received)).lastInsertRowid);
      cases.push(c);
      if (accepted && rnd() < 0.5) rate({ ticket: null, caseId: c.id, stage: 'accepted', level: 1 + Math.floor(rnd() * 5), at: accepted + HOUR, channel: 'kiosk' }, null);
      if (concluded && concluded + 30 * MIN < NOW && rnd() < 0.5) rate({ ticket: null, caseId: c.id, stage: 'concluded', level: 1 + Math.floor(rnd() * 5), at: concluded + 30 * MIN, channel: 'kiosk' }, null);
    }
  }
  // Window 1 serves a ticket of today now; window 2 is paused.
  const serving = tickets.find((t) => t.day === TODAY && t.status === 'waiting' && t.cat === 'A')!;
  serving.status = 'serving';
  serving.called = NOW - 7 * MIN;
  serving.serving = NOW - 6 * MIN;
  serving.window = 1;
  db.prepare("UPDATE tickets SET status = 'serving', called_at = ?, serving_at = ?, window_id = ?, clerk_id = ? WHERE id = ?").run(iso(serving.called), iso(serving.serving), win[1]!.id, win[1]!.clerk_id, serving.id);
  db.prepare("UPDATE windows SET status = 'paused' WHERE number = 2").run();
}

beforeAll(async () => {
  h = await startHall();
  addItems(h);
  h.db.prepare("UPDATE items SET example = 1 WHERE code = 'CNTY01'").run();
  for (const [code, name] of Object.entries(VILLAGE_NAMES)) h.db.prepare("INSERT INTO villages (code, name, created_at, updated_at) VALUES (?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')").run(code, name);
  q = await setupQueue(h, 2, [['A'], ['B']]);
  h.clock.advance(NOW - h.clock.now().getTime());
  lead = await h.userToken('supervisor', 'lead1');
  h.db.transaction(generate)();
});
afterAll(() => h.close());

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const p90 = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.9) - 1]! : null);
const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
const countBy = <X>(xs: readonly X[], key: (x: X) => string) => {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(key(x), (counts.get(key(x)) ?? 0) + 1);
  return counts;
};

/** A rating counts unless an upheld appeal removed it or it is about an example item's case. */
function countedRating(): (r: R) => boolean {
  const upheld = new Set(orders.filter((o) => o.upheld).map((o) => o.ratingId));
  const exampleCase = new Set(cases.filter((c) => c.example).map((c) => c.id));
  return (r) => !upheld.has(r.id) && !(r.caseId !== null && exampleCase.has(r.caseId));
}

/** The satisfaction indicators of DOMAIN §8 over hall days from … to, from the generated rows. */
function expectedRatings(from: string, to: string) {
  const start = dayStart(from);
  const end = dayStart(addDays(to, 1));
  const counts = countedRating();
  const inDays = (d: string | null) => d !== null && d >= from && d <= to;
  const inPeriod = ratings.filter((r) => r.at >= start && r.at < end && counts(r));
  const ratedTicket = new Set(ratings.filter(counts).filter((r) => r.ticket).map((r) => r.ticket));
  const ratedStage = new Set(ratings.filter(counts).filter((r) => r.caseId).map((r) => `${r.caseId}/${r.stage}`));
  const doneTickets = tickets.filter((t) => t.status === 'done' && inDays(t.day));
  const realCases = cases.filter((c) => !c.example);
  const stages = [
    ...realCases.filter((c) => inDays(c.acceptedDay)).map((c) => `${c.id}/accepted`),
    ...realCases.filter((c) => inDays(c.concludedDay)).map((c) => `${c.id}/concluded`),
  ];
  const finished = doneTickets.length + stages.length;
  const rated = doneTickets.filter((t) => ratedTicket.has(t.id)).length + stages.filter((s) => ratedStage.has(s)).length;
  const ratingById = new Map(ratings.map((r) => [r.id, r]));
  const due = orders.filter((o) => inDays(o.rectifyDue) && counts(ratingById.get(o.ratingId)!));
  const realName = orders.filter((o) => o.realName && counts(ratingById.get(o.ratingId)!) && ratingById.get(o.ratingId)!.at >= start && ratingById.get(o.ratingId)!.at < end);
  const satisfied = inPeriod.filter((r) => r.level >= 3).length;
  const closed = due.filter((o) => o.outcome === 'rectified' || o.outcome === 'answered').length;
  const calledBack = realName.filter((o) => o.callback).length;
  return {
    from, to,
    servicesFinished: finished, servicesRated: rated, ratedShare: ratio(rated, finished),
    ratings: inPeriod.length, satisfied, satisfiedShare: ratio(satisfied, inPeriod.length), bad: inPeriod.filter((r) => r.level <= 2).length,
    ordersDue: due.length, ordersClosed: closed, rectifiedShare: ratio(closed, due.length),
    realNameBad: realName.length, realNameCalledBack: calledBack, calledBackShare: ratio(calledBack, realName.length),
  };
}

describe('the command centre figures equal an independent count of the raw rows', () => {
  it('runs on a UTC process while the hall keeps Shanghai days', () => {
    expect(new Date(0).getTimezoneOffset()).toBe(0);
    expect(tickets.some((t) => t.issued === dayStart(t.day))).toBe(true);
    expect(ratings.filter((r) => r.level <= 2).length).toBeGreaterThan(10);
  });

  it('the dashboard: queue now, cases, ratings today and this month', async () => {
    const res = await h.api('GET', '/dashboard', { token: lead });
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.businessDay).toBe(TODAY);

    const today = tickets.filter((t) => t.day === TODAY);
    const waiting = today.filter((t) => t.status === 'waiting');
    const called = today.filter((t) => t.called !== null);
    const waits = called.map((t) => (t.called! - t.issued) / MIN);
    const services = today.filter((t) => t.status === 'done').map((t) => (t.finished! - t.serving!) / MIN);
    const serving = today.find((t) => t.status === 'serving')!;
    expect(d.queue).toEqual({
      waiting: [
        { code: 'A', name: '社保医保', waiting: waiting.filter((t) => t.cat === 'A').length },
        { code: 'B', name: '民政救助', waiting: waiting.filter((t) => t.cat === 'B').length },
      ],
      waitingTotal: waiting.length,
      longestWaitMinutes: waiting.length ? round1((NOW - Math.min(...waiting.map((t) => t.arrived))) / MIN) : null,
      windows: [
        { number: 1, name: '1号窗口', state: 'serving', ticketNumber: `A${String(serving.seq).padStart(3, '0')}`, forMinutes: 6 },
        { number: 2, name: '2号窗口', state: 'paused', ticketNumber: null, forMinutes: null },
      ],
      issued: today.filter((t) => t.seq !== null).length,
      served: today.filter((t) => t.status === 'done').length,
      noShow: today.filter((t) => t.status === 'no_show').length,
      noShowRate: ratio(today.filter((t) => t.status === 'no_show').length, called.length),
      legsCalled: called.length,
      avgWaitMinutes: round1(avg(waits)),
      p90WaitMinutes: round1(p90(waits)),
      avgServiceMinutes: round1(avg(services)),
      p90ServiceMinutes: round1(p90(services)),
      targetMinutes: TARGET,
      aboveTarget: waits.filter((w) => w > TARGET).length,
      aboveTargetShare: ratio(waits.filter((w) => w > TARGET).length, called.length),
    });

    const real = cases.filter((c) => !c.example);
    const running = (c: C) => ['accepted', 'in_review', 'forwarded', 'decided'].includes(c.status);
    const overdue = real.filter((c) => running(c) && c.due !== null && c.due < TODAY);
    const byStatus = new Map<string, number>();
    for (const c of real) byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + 1);
    expect(d.cases.yellow).toBe(real.filter((c) => running(c) && c.due! >= TODAY && c.due! <= YELLOW_UNTIL).length);
    expect(d.cases.red).toBe(overdue.length);
    expect(Object.fromEntries(d.cases.byStatus.map((s: { status: string; count: number }) => [s.status, s.count]))).toEqual(Object.fromEntries(byStatus));
    const overdueByItem = [...countBy(overdue, (c) => c.item)].map(([itemCode, count]) => ({ itemCode, itemName: ITEM_NAMES[itemCode], count }));
    expect(d.cases.overdueByItem).toEqual(overdueByItem.sort((a, b) => b.count - a.count || a.itemCode.localeCompare(b.itemCode)));
    expect(d.cases.overdueByVillage.reduce((a: number, v: { count: number }) => a + v.count, 0)).toBe(overdue.length);
    expect(d.cases.receivedToday).toBe(real.filter((c) => c.day === TODAY).length);
    expect(d.cases.acceptedToday).toBe(real.filter((c) => c.acceptedDay === TODAY).length);
    expect(d.cases.concludedToday).toBe(real.filter((c) => c.concludedDay === TODAY).length);

    if (process.env.SHOW_FIGURES) console.log(JSON.stringify({ month: d.ratingsMonth, today: d.ratingsToday, queue: d.queue }));
    expect(d.ratingsMonth).toEqual(expectedRatings(MONTH.from, MONTH.to));
    expect(d.ratingsToday).toEqual(expectedRatings(TODAY, TODAY));
    expect(d.openOrderCount).toBe(orders.filter((o) => o.outcome === null).length);
  });

  it('stay the same once past days are closed and read from their kept sums, and follow a case changing status', async () => {
    // The host closes every past day at midnight: the closed days' figures then come from queue_daily.
    expect(closePastDays(h.db, h.clock).length).toBeGreaterThan(15);
    expect(h.db.prepare('SELECT count(*) FROM queue_daily WHERE wait_ms IS NULL').pluck().get()).toBe(0);
    const d = (await h.api('GET', '/dashboard', { token: lead })).body;
    expect(d.ratingsMonth).toEqual(expectedRatings(MONTH.from, MONTH.to));
    expect((await h.api('GET', '/reports/ratings?from=2026-02-27&to=2026-03-19', { token: lead })).body.totals).toEqual(expectedRatings('2026-02-27', '2026-03-19'));
    const report = (await h.api('GET', '/reports/queue?from=2026-02-27&to=2026-03-20', { token: lead })).body;
    const legs = tickets.filter((t) => t.called !== null);
    expect(report.totals).toEqual({
      issued: tickets.filter((t) => t.seq !== null).length,
      served: tickets.filter((t) => t.status === 'done').length,
      noShow: tickets.filter((t) => t.status === 'no_show').length,
      avgWaitMinutes: round1(avg(legs.map((t) => (t.called! - t.issued) / MIN))),
      avgServiceMinutes: round1(avg(tickets.filter((t) => t.status === 'done').map((t) => (t.finished! - t.serving!) / MIN))),
    });
    // The per-status counts follow every write to a case (kept by triggers in the same transaction).
    const moved = cases.find((c) => !c.example && c.status === 'in_review')!;
    h.db.prepare("UPDATE cases SET status = 'decided' WHERE id = ?").run(moved.id);
    moved.status = 'decided';
    const byStatus = new Map<string, number>();
    for (const c of cases.filter((x) => !x.example)) byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + 1);
    const after = (await h.api('GET', '/dashboard', { token: lead })).body;
    expect(Object.fromEntries(after.cases.byStatus.map((s: { status: string; count: number }) => [s.status, s.count]))).toEqual(Object.fromEntries(byStatus));
  });

  it('the satisfaction report over a range; a range without data says "—" (null), never 0', async () => {
    const res = await h.api('GET', `/reports/ratings?from=2026-03-05&to=2026-03-18`, { token: lead });
    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual(expectedRatings('2026-03-05', '2026-03-18'));
    const byChannel = Object.fromEntries(res.body.byChannel.map((g: { key: string; ratings: number }) => [g.key, g.ratings]));
    const e = expectedRatings('2026-03-05', '2026-03-18');
    expect((byChannel.pad ?? 0) + (byChannel.kiosk ?? 0)).toBe(e.ratings);
    const total = (groups: Array<{ ratings: number; satisfied: number }>) => groups.reduce((a, g) => [a[0]! + g.ratings, a[1]! + g.satisfied], [0, 0]);
    expect(total(res.body.byWindow)).toEqual([e.ratings, e.satisfied]);
    expect(total(res.body.byClerk)).toEqual([e.ratings, e.satisfied]);
    // Largest first; the kiosk's case ratings have no window (null key, listed before equal counts).
    const counts = res.body.byWindow.map((g: { ratings: number }) => g.ratings);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    const empty = (await h.api('GET', '/reports/ratings?from=2025-01-01&to=2025-01-31', { token: lead })).body.totals;
    expect(empty).toMatchObject({ ratings: 0, ratedShare: null, satisfiedShare: null, rectifiedShare: null, calledBackShare: null });
    expect((await h.api('GET', '/reports/ratings?from=2026-03-05&to=2026-03-01', { token: lead })).status).toBe(400);
    const clerk = await h.login('counter1', 'password-clerk');
    expect((await h.api('GET', '/dashboard', { token: clerk })).status).toBe(403);
  });
});

/** Every day of the report (queue, cases, ratings) and the cases by item and village, from the generated rows. */
function expectedSummary(from: string, to: string) {
  const counts = countedRating();
  const inDays = (d: string | null) => d !== null && d >= from && d <= to;
  const rated = ratings.filter((r) => counts(r) && inDays(hallDay(r.at)));
  const real = cases.filter((c) => !c.example);
  const days = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const legs = tickets.filter((t) => t.day === day);
    const waits = legs.filter((t) => t.called !== null).map((t) => (t.called! - t.issued) / MIN);
    const services = legs.filter((t) => t.status === 'done').map((t) => (t.finished! - t.serving!) / MIN);
    const given = rated.filter((r) => hallDay(r.at) === day);
    const satisfied = given.filter((r) => r.level >= 3).length;
    days.push({
      businessDay: day,
      issued: legs.filter((t) => t.seq !== null).length,
      served: legs.filter((t) => t.status === 'done').length,
      noShow: legs.filter((t) => t.status === 'no_show').length,
      avgWaitMinutes: round1(avg(waits)),
      avgServiceMinutes: round1(avg(services)),
      received: real.filter((c) => c.day === day).length,
      accepted: real.filter((c) => c.acceptedDay === day).length,
      concluded: real.filter((c) => c.concludedDay === day).length,
      ratings: given.length,
      satisfied,
      bad: given.filter((r) => r.level <= 2).length,
      satisfiedShare: ratio(satisfied, given.length),
    });
  }
  const group = (subset: C[]) => {
    const concluded = subset.filter((c) => inDays(c.concludedDay));
    const onTime = concluded.filter((c) => c.due === null || c.concludedDay! <= c.due).length;
    const ids = new Set(subset.map((c) => c.id));
    const given = rated.filter((r) => r.caseId !== null && ids.has(r.caseId));
    const satisfied = given.filter((r) => r.level >= 3).length;
    return {
      received: subset.filter((c) => inDays(c.day)).length,
      accepted: subset.filter((c) => inDays(c.acceptedDay)).length,
      concluded: concluded.length,
      concludedOnTime: onTime,
      onTimeShare: ratio(onTime, concluded.length),
      ratings: given.length,
      satisfied,
      satisfiedShare: ratio(satisfied, given.length),
    };
  };
  const groupsBy = (key: (c: C) => string | null, label: (k: string | null) => string | null) =>
    [...new Set(real.map(key))]
      .map((k) => ({ key: k, label: label(k), ...group(real.filter((c) => key(c) === k)) }))
      .filter((g) => g.received + g.accepted + g.concluded + g.ratings > 0)
      .sort((a, b) => String(a.key).localeCompare(String(b.key)));
  return {
    days,
    byItem: groupsBy((c) => c.item, (k) => ITEM_NAMES[k!]!),
    byVillage: groupsBy((c) => c.village, (k) => (k === null ? null : VILLAGE_NAMES[k] ?? null)),
    caseTotals: group(real),
  };
}

const byKey = <G extends { key: string | null }>(groups: G[]) => [...groups].sort((a, b) => String(a.key).localeCompare(String(b.key)));

describe('the daily and monthly reports: every day, cases by item and by village, and the xlsx', () => {
  it('the month report has one row per day (empty days too) and the groupings equal independent counts', async () => {
    const res = await h.api('GET', `/reports/summary?from=2026-02-27&to=${TODAY}`, { token: lead });
    expect(res.status).toBe(200);
    const e = expectedSummary('2026-02-27', TODAY);
    expect(res.body).toMatchObject({ from: '2026-02-27', to: TODAY, hallName: '乡镇便民服务中心', generatedAt: iso(NOW) });
    expect(res.body.days).toEqual(e.days);
    expect(byKey(res.body.byItem)).toEqual(e.byItem);
    expect(byKey(res.body.byVillage)).toEqual(e.byVillage);
    expect(res.body.caseTotals).toEqual(e.caseTotals);
    // Two real items and three villages (one unnamed, one not given) are all there.
    expect(e.byItem.map((g) => g.key)).toEqual(['TOWN01', 'TOWN02']);
    expect(e.byVillage.map((g) => g.label)).toContain('东岭村');
    // The days add up to the satisfaction report's totals of the same range.
    const totals = (await h.api('GET', `/reports/ratings?from=2026-02-27&to=${TODAY}`, { token: lead })).body.totals;
    expect(res.body.days.reduce((a: number, d: { ratings: number }) => a + d.ratings, 0)).toBe(totals.ratings);
    expect(res.body.days.reduce((a: number, d: { bad: number }) => a + d.bad, 0)).toBe(totals.bad);
  });

  it('a daily report at the day’s edges (00:00 and 23:59 in the hall, on a UTC host)', async () => {
    for (const day of ['2026-03-01', '2026-03-10', TODAY]) {
      const res = await h.api('GET', `/reports/summary?from=${day}&to=${day}`, { token: lead });
      expect(res.status).toBe(200);
      const e = expectedSummary(day, day);
      expect(res.body.days).toEqual(e.days);
      expect(byKey(res.body.byItem)).toEqual(e.byItem);
      expect(byKey(res.body.byVillage)).toEqual(e.byVillage);
      expect(res.body.caseTotals).toEqual(e.caseTotals);
    }
    expect((await h.api('GET', '/reports/summary?from=2026-03-05&to=2026-03-01', { token: lead })).status).toBe(400);
    expect((await h.api('GET', '/reports/summary?from=2026-02-30&to=2026-03-01', { token: lead })).status).toBe(400);
  });

  it('the xlsx export holds the same figures as the JSON reports', async () => {
    const range = `from=2026-03-01&to=${TODAY}`;
    const res = await fetch(`${h.base}/api/v1/reports/ratings.xlsx?${range}`, { headers: { authorization: `Bearer ${lead}` } });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const summary = (await h.api('GET', `/reports/summary?${range}`, { token: lead })).body as SummaryReport;
    const ratingReport = (await h.api('GET', `/reports/ratings?${range}`, { token: lead })).body;
    const queue = (await h.api('GET', `/reports/queue?${range}`, { token: lead })).body;
    const cell = (v: unknown) => (v === null ? '—' : v);
    const rows = (name: string) => {
      const sheet = book.getWorksheet(name);
      expect(sheet, name).toBeDefined();
      const out: unknown[][] = [];
      sheet!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    const indicators = rows('满意度指标');
    expect(indicators[0]).toEqual(['乡镇便民服务中心 月报']);
    expect(indicators[2]).toEqual(['生成时间：2026-03-20 14:00']);
    const t = ratingReport.totals;
    expect(indicators.slice(4)).toEqual([
      ['主动评价率', cell(t.ratedShare), t.servicesRated, t.servicesFinished],
      ['满意率', cell(t.satisfiedShare), t.satisfied, t.ratings],
      ['差评', t.bad, '—', '—'],
      ['差评整改率', cell(t.rectifiedShare), t.ordersClosed, t.ordersDue],
      ['实名差评回访率', cell(t.calledBackShare), t.realNameCalledBack, t.realNameBad],
    ]);
    const days = rows('逐日汇总');
    expect(days).toHaveLength(1 + 20 + 1);
    expect(days.slice(1, -1)).toEqual(
      summary.days.map((d) =>
        [d.businessDay, d.issued, d.served, d.noShow, d.avgWaitMinutes, d.received, d.accepted, d.concluded, d.ratings, d.bad, d.satisfiedShare].map(cell),
      ),
    );
    expect(days.at(-1)).toEqual(['合计', queue.totals.issued, queue.totals.served, queue.totals.noShow, cell(queue.totals.avgWaitMinutes), summary.caseTotals.received, summary.caseTotals.accepted, summary.caseTotals.concluded, t.ratings, t.bad, cell(t.satisfiedShare)]);
    const caseRow = (label: string, g: CaseTotals) => [label, g.received, g.accepted, g.concluded, g.concludedOnTime, g.onTimeShare, g.ratings, g.satisfiedShare].map(cell);
    expect(rows('办件按事项').slice(1)).toEqual([...summary.byItem.map((g) => caseRow(g.label!, g)), caseRow('合计', summary.caseTotals)]);
    expect(rows('办件按村（社区）').slice(1)).toEqual([...summary.byVillage.map((g) => caseRow(g.label ?? g.key ?? '未填村（社区）', g)), caseRow('合计', summary.caseTotals)]);
    // No citizen's data: the generated cases' name, ID number and phone appear nowhere in the book.
    const text = JSON.stringify(book.worksheets.map((s) => s.getSheetValues()));
    for (const secret of ['王芳', '11010519491231002X', '13812345678']) expect(text).not.toContain(secret);
  });
});
