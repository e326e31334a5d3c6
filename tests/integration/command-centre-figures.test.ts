// Issue 10 part 2: the dashboard's and the satisfaction report's figures equal figures computed here,
// plainly, from the raw rows of a generated month — at the hall's day boundaries (Asia/Shanghai,
// UTC+8 with no daylight saving) while the host process runs on UTC.
process.env.TZ = 'UTC';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
      const c: C = { id: 0, example, status, day, acceptedDay: accepted === null ? null : hallDay(accepted), concludedDay: concluded === null ? null : hallDay(concluded), due, item: example ? 'CNTY01' : 'TOWN01', village: pick(['320703104001', '320703104002', null]), accepted, concluded };
      c.id = Number(insCase.run(`C${day}${i}`, day, c.item, example ? '低保申请' : '居住证明', c.village, status, iso(received), accepted && iso(accepted), c.acceptedDay, due, concluded && iso(concluded), c.concludedDay, iso(received)).lastInsertRowid);
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

/** The satisfaction indicators of DOMAIN §8 over hall days from … to, from the generated rows. */
function expectedRatings(from: string, to: string) {
  const start = dayStart(from);
  const end = dayStart(addDays(to, 1));
  const upheld = new Set(orders.filter((o) => o.upheld).map((o) => o.ratingId));
  const exampleCase = new Set(cases.filter((c) => c.example).map((c) => c.id));
  const counts = (r: R) => !upheld.has(r.id) && !(r.caseId !== null && exampleCase.has(r.caseId));
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
    expect(d.cases.overdueByItem).toEqual(overdue.length ? [{ itemCode: 'TOWN01', itemName: '居住证明', count: overdue.length }] : []);
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
