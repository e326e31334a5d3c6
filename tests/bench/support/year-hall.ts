// A year of a busy township hall for the command-centre bench: 5M tickets, 1M cases, 500k ratings,
// their bad-rating work orders and the village agents' requests, spread over the hall's working days
// (the host's own calendar), its opening hours, 30 windows and clerks, six categories, the seeded
// catalogue, 20 villages and every channel. The hall is set up over HTTP like an admin would, then
// the rows are written straight into the stopped host's database in bulk mode. Generation is not
// what the bench measures: the folder is cached under tests/.tmp, keyed by GENERATOR_VERSION and the
// scale (a newer schema migrates the cached hall once), and each run works on a copy of it.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrations } from '../../../db/migrations/index.js';
import { addWorkingDays, calendarFrom, isWorkingDay } from '../../../electron/hall/calendar/working-days.js';
import { dayFigures } from '../../../electron/hall/queue/day-end.js';
import { must, startBenchHost, type BenchHost } from './bench-host.js';
import { pickWeighted, rng } from './case-generator.js';
import { closeBulkDatabase, openBulkDatabase } from './raw-db.js';

/** Bump when the generated rows change: a cached hall of another version is generated again. */
export const GENERATOR_VERSION = 1;

export const STAFF_PASSWORD = 'bench-staff-pass';
export const WINDOWS = 30;
const HOUR = 3_600_000;
const MIN = 60_000;
const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * HOUR; // no daylight saving
const CATEGORIES: ReadonlyArray<readonly [code: string, name: string, weight: number]> = [
  ['A', '社保医保', 35], ['B', '民政救助', 20], ['C', '户籍证明', 15], ['D', '不动产登记', 12], ['E', '农业农村', 10], ['F', '综合受理', 8],
];
/** Opening periods in hall time (minutes after midnight): 08:30–12:00, 13:30–17:30. */
const PERIODS: ReadonlyArray<readonly [number, number]> = [[510, 720], [810, 1050]];
const OPEN_MINUTES = PERIODS.reduce((a, [f, t]) => a + t - f, 0);
const TICKET_STATUS: ReadonlyArray<readonly [string, number]> = [['done', 85], ['no_show', 5], ['cancelled', 3], ['expired', 1], ['transferred', 6]];
const LEVELS: ReadonlyArray<readonly [number, number]> = [[5, 70], [4, 18], [3, 7], [2, 3], [1, 2]];
const LEVEL_TOTAL = 100;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';

export interface YearScale {
  tickets: number;
  cases: number;
  ratings: number;
}

export const FULL_YEAR: YearScale = { tickets: 5_000_000, cases: 1_000_000, ratings: 500_000 };

export interface YearMeta {
  version: number;
  schemaVersion: number;
  scale: YearScale;
  generatedAt: string;
  /** The first and last hall day of the generated year (the last is the day before generation). */
  from: string;
  to: string;
  workingDays: number;
  rows: Record<string, number>;
  generationMs: number;
  /** The catalogue's items made real ones (not examples), so the year's cases and case ratings count. */
  itemsCounted?: boolean;
}

const hallDayOf = (ms: number) => new Date(ms + SHANGHAI_MS).toISOString().slice(0, 10);
const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`) - SHANGHAI_MS;
const iso = (ms: number) => new Date(ms).toISOString();
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** A minute of the opening hours, from a uniform draw, as an instant of `day`. */
function openInstant(day: string, r: number): number {
  let m = r * OPEN_MINUTES;
  for (const [f, t] of PERIODS) {
    if (m < t - f) return dayStart(day) + (f + m) * MIN;
    m -= t - f;
  }
  return dayStart(day) + PERIODS[PERIODS.length - 1]![1] * MIN - MIN;
}

/** Exponential-ish minutes with the given mean, at least `min`. */
const minutes = (r: number, mean: number, min: number) => Math.max(min, -Math.log(1 - r * 0.999) * mean);

/** Sets the hall up over HTTP: categories, 30 windows with clerks and rating pads, a lead, villages with agents and their nodes. */
export async function setupOverHttp(h: BenchHost): Promise<{ padTokens: string[] }> {
  const padTokens: string[] = [];
  const settings = await must(h.call('GET', '/queue/settings', h.admin), 'settings');
  // The bench phases issue and call tickets at any hour of the run.
  await must(h.call('PUT', '/queue/settings', h.admin, { ...settings, periods: [{ open: '00:00', close: '23:59' }], weekdays: [1, 2, 3, 4, 5, 6, 7], holidaysClosed: false }), 'hours');
  for (const [code, name] of CATEGORIES) await must(h.call('POST', '/queue/categories', h.admin, { code, name, prefix: code }), 'category');
  for (let i = 1; i <= WINDOWS; i++) {
    // Most windows serve one category first and the general one after it; the first window serves A first.
    const first = CATEGORIES[(i - 1) % CATEGORIES.length]![0];
    const pad = await must(h.call('POST', '/devices', h.admin, { name: `${i}号评价器`, kind: 'rating' }), 'pad');
    padTokens.push(pad.token as string);
    await must(h.call('POST', '/windows', h.admin, { number: i, name: `${i}号窗口`, categoryCodes: first === 'A' ? ['A'] : [first, 'A'], ratingDeviceId: pad.id }), 'window');
    await must(h.call('POST', '/users', h.admin, { username: `clerk${i}`, password: STAFF_PASSWORD, displayName: `窗口${i}`, role: 'clerk' }), 'clerk');
  }
  await must(h.call('POST', '/users', h.admin, { username: 'lead1', password: STAFF_PASSWORD, displayName: '中心主任', role: 'supervisor' }), 'lead');
  await must(h.call('POST', '/devices', h.admin, { name: '取号机', kind: 'kiosk' }), 'kiosk');
  for (let v = 1; v <= 20; v++) {
    await must(h.call('POST', '/villages', h.admin, { code: `3207031040${String(v).padStart(2, '0')}`, name: `第${v}村`, grid: ['东片', `第${v}村`] }), 'village');
  }
  for (let a = 1; a <= 10; a++) {
    const agent = await must(h.call('POST', '/users', h.admin, { username: `agent${a}`, password: STAFF_PASSWORD, displayName: `代办员${a}`, role: 'agent' }), 'agent');
    await must(h.call('PUT', `/agents/${agent.id}/villages`, h.admin, { villageCodes: [`3207031040${String(2 * a - 1).padStart(2, '0')}`, `3207031040${String(2 * a).padStart(2, '0')}`] }), 'agent villages');
    await must(h.call('POST', '/devices', h.admin, { name: `代办点${a}`, kind: 'village', agentId: agent.id }), 'node');
  }
  return { padTokens };
}

/** Writes the year into the stopped host's database. Deterministic for a given scale and end day. */
function writeYear(dbFile: string, scale: YearScale, today: string): Omit<YearMeta, 'version' | 'schemaVersion' | 'scale' | 'generatedAt' | 'generationMs'> {
  const db = openBulkDatabase(dbFile);
  const calendar = calendarFrom(db.prepare('SELECT date, kind FROM calendar_days').all() as Array<{ date: string; kind: 'holiday' | 'workday' }>);
  const to = plusDays(today, -1);
  const from = plusDays(today, -365);
  const days: string[] = [];
  for (let d = from; d <= to; d = plusDays(d, 1)) if (isWorkingDay(calendar, d)) days.push(d);

  const cat = new Map((db.prepare('SELECT code, id FROM queue_categories').all() as Array<{ code: string; id: number }>).map((c) => [c.code, c.id]));
  const windows = db.prepare(`SELECT w.id, w.number, (SELECT group_concat(c.code) FROM window_categories wc JOIN queue_categories c ON c.id = wc.category_id WHERE wc.window_id = w.id) AS codes
                              FROM windows w ORDER BY w.number`).all() as Array<{ id: number; number: number; codes: string }>;
  const clerks = (db.prepare("SELECT id FROM users WHERE role = 'clerk' ORDER BY id").all() as Array<{ id: number }>).map((u) => u.id);
  const pads = (db.prepare("SELECT id FROM devices WHERE kind = 'rating' ORDER BY id").all() as Array<{ id: number }>).map((d) => d.id);
  const kiosk = (db.prepare("SELECT id FROM devices WHERE kind = 'kiosk'").get() as { id: number }).id;
  const lead = (db.prepare("SELECT id FROM users WHERE username = 'lead1'").get() as { id: number }).id;
  const agents = db.prepare(`SELECT u.id, av.village_code AS village, d.id AS device FROM users u JOIN agent_villages av ON av.user_id = u.id
                             JOIN devices d ON d.agent_user_id = u.id WHERE u.role = 'agent' ORDER BY u.id, av.village_code`).all() as Array<{ id: number; village: string; device: number }>;
  const items = db.prepare('SELECT code, name, type, handling_level, promised_limit_value, promised_limit_unit FROM items WHERE active = 1 ORDER BY code').all() as Array<{ code: string; name: string; type: string; handling_level: string; promised_limit_value: number; promised_limit_unit: string }>;
  const itemWeights = items.map((it, i) => [it, 1 / Math.pow(i + 1, 0.9)] as const);
  const itemTotal = itemWeights.reduce((a, [, w]) => a + w, 0);
  const windowsOf = new Map([...cat.keys()].map((code) => [code, windows.filter((w) => w.codes.split(',').includes(code))]));
  const catWeights = CATEGORIES.map(([code, , w]) => [code, w] as const);
  const catTotal = CATEGORIES.reduce((a, [, , w]) => a + w, 0);
  const statusTotal = TICKET_STATUS.reduce((a, [, w]) => a + w, 0);
  const hallCode = (() => {
    const s = db.prepare("SELECT value FROM settings WHERE key = 'hall.code'").get() as { value: string } | undefined;
    return s ? (JSON.parse(s.value) as string) : '000000000';
  })();

  const insTicket = db.prepare(`INSERT INTO tickets (business_day, category_id, seq, number, status, arrived_at, issued_at, called_at, serving_at, finished_at, call_count, window_id, clerk_id, transferred_from, issued_by_device)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insNumber = db.prepare('INSERT INTO queue_numbers (business_day, category_id, last_seq) VALUES (?, ?, ?)');
  const insDaily = db.prepare(`INSERT INTO queue_daily (business_day, category_id, issued, served, no_show, cancelled, expired, avg_wait_minutes, p90_wait_minutes, avg_service_minutes, p90_service_minutes, closed_at)
                               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insCase = db.prepare(`INSERT INTO cases (case_no, business_day, item_code, item_name, item_type, handling_level, limit_value, limit_unit, applicant_kind, applicant_name, id_type,
                              id_number, mobile, channel, agent_request_id, agent_user_id, village_code, clerk_id, status, password_hash, received_at, accepted_at, accepted_day, due_date,
                              concluded_at, concluded_day, delivered_at, updated_at)
                              VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'person', ?, 'resident_id', ?, ?, ?, ?, ?, ?, ?, ?, 'x', ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insCaseNumber = db.prepare('INSERT INTO case_numbers (business_day, last_seq) VALUES (?, ?)');
  const insRequest = db.prepare(`INSERT INTO agent_requests (request_id, village_code, agent_user_id, device_id, applicant_name, id_number, mobile, item_code, item_name, authorisation, state, case_id,
                                 received_at, authorised_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?)`);
  const linkRequest = db.prepare('UPDATE cases SET agent_request_id = ? WHERE id = ?');
  const insRating = db.prepare('INSERT INTO ratings (ticket_id, case_id, stage, level, channel, window_id, clerk_id, device_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insOrder = db.prepare(`INSERT INTO rating_work_orders (rating_id, clerk_id, assignee_id, real_name, opened_at, business_day, callback_due, rectify_due, callback_at, callback_by,
                               callback_contacted, callback_method, callback_contact_at, callback_answer, rectify_at, rectify_by, rectify_found, rectify_done, closed_at, closed_by, outcome,
                               appeal_reason, appeal_at, appeal_by, review_decision, review_reason, review_at, review_by)
                               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);

  const rows = { tickets: 0, cases: 0, ratings: 0, workOrders: 0, agentRequests: 0, queueDaily: 0 };
  const nowMs = dayStart(today);
  // Ratings: the share of done tickets and of case stages rated that gives `scale.ratings` in all (80 % on the pads).
  const ticketRateP = (0.8 * scale.ratings) / (scale.tickets * 0.8);
  const caseRateP = (0.2 * scale.ratings) / (scale.cases * 1.6);

  const openOrder = (ratingId: number, r: { at: number; level: number; clerk: number | null; realName: boolean }, rand: () => number) => {
    const day = hallDayOf(r.at);
    const callbackDue = addWorkingDays(calendar, day, 1);
    const rectifyDue = addWorkingDays(calendar, day, 5);
    const settled = rectifyDue < plusDays(today, -3) || rand() < 0.5;
    const appealed = r.clerk !== null && rand() < 0.06;
    const upheld = appealed && settled && rand() < 0.5;
    const called = settled ? rand() < 0.97 : rand() < 0.6;
    const t1 = iso(r.at + (2 + rand() * 20) * HOUR);
    const t2 = iso(r.at + (30 + rand() * 60) * HOUR);
    const outcome = upheld ? 'appeal-upheld' : settled && called ? (rand() < 0.7 ? 'rectified' : 'answered') : null;
    insOrder.run(ratingId, r.clerk, lead, r.realName ? 1 : 0, iso(r.at), day, callbackDue, rectifyDue,
      called ? t1 : null, called ? lead : null, called ? 1 : null, called ? 'phone' : null, called ? t1 : null, called ? '已回访，情况属实' : null,
      outcome === 'rectified' ? t2 : null, outcome === 'rectified' ? lead : null, outcome === 'rectified' ? '等候时间过长' : null, outcome === 'rectified' ? '高峰期增开窗口' : null,
      outcome ? t2 : null, outcome ? lead : null, outcome,
      appealed ? '评价与服务无关' : null, appealed ? t1 : null, appealed ? r.clerk : null,
      appealed && settled ? (upheld ? 'upheld' : 'rejected') : null, appealed && settled ? '经核实' : null, appealed && settled ? t2 : null, appealed && settled ? lead : null);
    rows.workOrders++;
  };

  const writeDay = (day: string, dayIndex: number) => {
    const rand = rng(0x51ed270b ^ Math.imul(dayIndex + 1, 2_654_435_761));
    const rate = () => pickWeighted(rand(), LEVELS, LEVEL_TOTAL);
    // Tickets: numbered in arrival order per category; ±20 % from day to day, Mondays busier.
    const weekdayFactor = new Date(`${day}T00:00:00Z`).getUTCDay() === 1 ? 1.15 : 1;
    const count = Math.round((scale.tickets / 1.06 / days.length) * (0.8 + 0.4 * rand()) * weekdayFactor);
    const arrivals = Array.from({ length: count }, () => openInstant(day, Math.pow(rand(), 1.3))).sort((a, b) => a - b);
    const seqs = new Map<string, number>();
    for (const arrived of arrivals) {
      const code = pickWeighted(rand(), catWeights, catTotal);
      const seq = (seqs.get(code) ?? 0) + 1;
      seqs.set(code, seq);
      const number = `${code}${String(seq).padStart(3, '0')}`;
      const status = pickWeighted(rand(), TICKET_STATUS, statusTotal);
      const options = windowsOf.get(code)!;
      const w = options[Math.floor(rand() * options.length)]!;
      const clerk = clerks[w.number - 1] ?? null;
      const calledMs = status === 'cancelled' || status === 'expired' ? null : arrived + minutes(rand(), 9, 0.2) * MIN;
      const servingMs = status === 'done' || status === 'transferred' ? calledMs! + (10 + rand() * 50) * 1000 : null;
      const finishedMs = servingMs !== null ? servingMs + minutes(rand(), 7, 1) * MIN : status === 'no_show' ? calledMs! + 3 * MIN : status === 'cancelled' ? arrived + 20 * MIN : status === 'expired' ? dayStart(day) + 23.9 * HOUR : null;
      const round = (ms: number | null) => (ms === null ? null : iso(Math.round(ms)));
      const id = Number(insTicket.run(day, cat.get(code), seq, number, status, round(arrived), round(arrived), round(calledMs), round(servingMs), round(finishedMs),
        calledMs === null ? 0 : status === 'no_show' ? 2 : 1, calledMs === null ? null : w.id, calledMs === null ? null : clerk, null, kiosk).lastInsertRowid);
      rows.tickets++;
      let served = { id, w, clerk, finished: finishedMs };
      if (status === 'transferred') {
        // The citizen continues at a window of the general category, queued from the transfer.
        const to = windowsOf.get('A')![Math.floor(rand() * windowsOf.get('A')!.length)]!;
        const toClerk = clerks[to.number - 1] ?? null;
        const called2 = finishedMs! + minutes(rand(), 5, 0.2) * MIN;
        const serving2 = called2 + 30_000;
        const finished2 = serving2 + minutes(rand(), 6, 1) * MIN;
        const leg = Number(insTicket.run(day, cat.get('A'), null, number, 'done', round(arrived), round(finishedMs), round(called2), round(serving2), round(finished2), 1, to.id, toClerk, id, null).lastInsertRowid);
        rows.tickets++;
        served = { id: leg, w: to, clerk: toClerk, finished: finished2 };
      }
      if ((status === 'done' || status === 'transferred') && rand() < ticketRateP) {
        const level = rate();
        const at = served.finished! + 20_000;
        const ratingId = Number(insRating.run(served.id, null, null, level, 'pad', served.w.id, served.clerk, pads[served.w.number - 1] ?? null, iso(at)).lastInsertRowid);
        rows.ratings++;
        if (level <= 2) openOrder(ratingId, { at, level, clerk: served.clerk, realName: false }, rand);
      }
    }
    for (const [code, last] of seqs) insNumber.run(day, cat.get(code), last);

    // Cases: received in opening hours; most accepted at once, concluded days later; the last weeks still open.
    const caseCount = Math.round((scale.cases / days.length) * (0.8 + 0.4 * rand()));
    const ageDays = (nowMs - dayStart(day)) / DAY_MS;
    for (let n = 1; n <= caseCount; n++) {
      const item = pickWeighted(rand(), itemWeights, itemTotal);
      const received = openInstant(day, rand());
      const viaAgent = rand() < 0.08;
      const agent = agents[Math.floor(rand() * agents.length)]!;
      const village = viaAgent ? agent.village : rand() < 0.7 ? agents[Math.floor(rand() * agents.length)]!.village : null;
      const clerk = clerks[Math.floor(rand() * clerks.length)]!;
      const roll = rand();
      const accepted = roll < 0.03 ? null : received + (5 + rand() * 30) * MIN;
      const acceptedDay = accepted === null ? null : hallDayOf(accepted);
      const limit = item.promised_limit_unit === 'working_days' ? item.promised_limit_value : Math.max(1, Math.round(item.promised_limit_value * (item.promised_limit_unit === 'months' ? 20 : 0.7)));
      const due = acceptedDay === null ? null : addWorkingDays(calendar, acceptedDay, Math.min(limit, 60));
      // Concluded after 20 %–120 % of the limit (a few late); open when that lies ahead of today.
      const concludeAfter = accepted === null ? null : accepted + Math.max(0.1, limit * 1.4 * (0.2 + rand())) * DAY_MS;
      const concluded = concludeAfter !== null && concludeAfter < nowMs - HOUR && roll > 0.04 ? concludeAfter : null;
      const delivered = concluded !== null && concluded + 2 * DAY_MS < nowMs && rand() < 0.9 ? concluded + (1 + rand()) * DAY_MS : null;
      const status = accepted === null ? (roll < 0.01 ? 'rejected' : roll < 0.02 && ageDays < 30 ? 'correction' : 'withdrawn')
        : roll < 0.04 ? 'withdrawn'
        : delivered !== null ? 'delivered' : concluded !== null ? 'concluded'
        : (['accepted', 'in_review', 'in_review', 'forwarded', 'decided', 'paused'] as const)[Math.floor(rand() * 6)]!;
      const name = SURNAMES[Math.floor(rand() * SURNAMES.length)]! + '某';
      const caseId = Number(insCase.run(`${hallCode}${day.replaceAll('-', '')}${String(n).padStart(4, '0')}`, day, item.code, item.name, item.type, item.handling_level,
        item.promised_limit_value, item.promised_limit_unit, name, '110105194912310029', '13812345678', viaAgent ? 'agent' : 'window', null, viaAgent ? agent.id : null, village, clerk, status,
        iso(received), accepted === null ? null : iso(accepted), acceptedDay, status === 'paused' ? null : due, concluded === null ? null : iso(concluded),
        concluded === null ? null : hallDayOf(concluded), delivered === null ? null : iso(delivered), iso(delivered ?? concluded ?? accepted ?? received)).lastInsertRowid);
      rows.cases++;
      if (viaAgent) {
        const authorised = received - (1 + rand() * 2) * DAY_MS;
        const requestId = Number(insRequest.run(`bench-${day}-${n}`, agent.village, agent.id, agent.device, name, '110105194912310029', '13812345678', item.code, item.name,
          delivered !== null ? 'delivered' : 'in_case', caseId, iso(received), iso(authorised), iso(authorised), iso(received)).lastInsertRowid);
        linkRequest.run(requestId, caseId);
        rows.agentRequests++;
      }
      for (const [stage, at] of [['accepted', accepted], ['concluded', concluded]] as const) {
        if (at === null || rand() >= caseRateP) continue;
        const ratedAt = at + (0.5 + rand() * 48) * HOUR;
        if (ratedAt >= nowMs) continue;
        const level = rate();
        const ratingId = Number(insRating.run(null, caseId, stage, level, viaAgent ? 'agent' : 'kiosk', null, clerk, viaAgent ? agent.device : kiosk, iso(ratedAt)).lastInsertRowid);
        rows.ratings++;
        if (level <= 2) openOrder(ratingId, { at: ratedAt, level, clerk, realName: true }, rand);
      }
    }
    insCaseNumber.run(day, caseCount);
    // Requests still waiting at the villages for their hand-over, the last fortnight's only.
    if (ageDays < 14) {
      for (let k = 0; k < 3; k++) {
        const agent = agents[Math.floor(rand() * agents.length)]!;
        const at = openInstant(day, rand());
        insRequest.run(`bench-open-${day}-${k}`, agent.village, agent.id, agent.device, '张某', '110105194912310029', '13812345678', items[0]!.code, items[0]!.name, 'submitted', null, null, iso(at), iso(at), iso(at));
        rows.agentRequests++;
      }
    }
    // The day's closing figures, with the host's own code, so its day-end leaves the day alone.
    for (const [categoryId, f] of dayFigures(db, day)) {
      insDaily.run(day, categoryId, f.issued, f.served, f.noShow, f.cancelled, f.expired, f.avgWaitMinutes, f.p90WaitMinutes, f.avgServiceMinutes, f.p90ServiceMinutes, iso(dayStart(plusDays(day, 1))));
      rows.queueDaily++;
    }
  };

  const DAYS_PER_TRANSACTION = 10;
  const batch = db.transaction((first: number) => {
    for (let i = first; i < Math.min(days.length, first + DAYS_PER_TRANSACTION); i++) writeDay(days[i]!, i);
  });
  for (let i = 0; i < days.length; i += DAYS_PER_TRANSACTION) batch(i);
  closeBulkDatabase(db);
  return { from, to, workingDays: days.length, rows };
}

function cacheFolder(scale: YearScale): string {
  const key = `v${GENERATOR_VERSION}-t${scale.tickets}-c${scale.cases}-r${scale.ratings}`;
  return path.resolve('tests/.tmp', `bench-year-${key}`);
}

/**
 * A data folder holding the year: a fresh copy of the cached hall (generated first if there is none
 * for this version, scale and schema). The caller owns the copy and removes it.
 */
export async function yearHall(scale: YearScale, log: (line: string) => void): Promise<{ dataDir: string; meta: YearMeta }> {
  const cache = cacheFolder(scale);
  const metaFile = path.join(cache, 'meta.json');
  if (!existsSync(metaFile)) {
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache, { recursive: true });
    const started = performance.now();
    log(`generating the year (${JSON.stringify(scale)}) into ${cache} …`);
    const h = await startBenchHost({ dataDir: cache, keep: true });
    const today = hallDayOf(Date.now());
    try {
      await setupOverHttp(h);
    } finally {
      await h.stop();
    }
    const written = writeYear(h.dbFile, scale, today);
    const meta: YearMeta = { version: GENERATOR_VERSION, schemaVersion: migrations.length, scale, generatedAt: new Date().toISOString(), generationMs: performance.now() - started, ...written };
    writeFileSync(metaFile, JSON.stringify(meta, null, 2));
    log(`generated in ${(meta.generationMs / 1000).toFixed(0)} s: ${JSON.stringify(meta.rows)}`);
  }
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as YearMeta;
  if (meta.schemaVersion < migrations.length) {
    // A newer host: let it migrate the cached hall once (new indexes, tables and their backfill), not
    // every copy. Its backup before the upgrade (gigabytes) is not kept in the cache, which is copied per run.
    const started = performance.now();
    await (await startBenchHost({ dataDir: cache, keep: true, readyTimeoutMs: 60 * 60_000 })).stop();
    rmSync(path.join(cache, 'backups-before-upgrade'), { recursive: true, force: true });
    meta.schemaVersion = migrations.length;
    writeFileSync(metaFile, JSON.stringify(meta, null, 2));
    log(`migrated the cached year to schema ${meta.schemaVersion} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  if (!meta.itemsCounted) {
    // The seeded catalogue's items are the policy document's examples, and the figures leave example
    // items out: a hall with its own catalogue counts its cases. Made real once in the cache; the
    // items' trigger refreshes the counted flag and the day sums of every case rating (migration 16).
    const started = performance.now();
    const db = openBulkDatabase(path.join(cache, 'hall.db'));
    db.exec('UPDATE items SET example = 0 WHERE example = 1');
    closeBulkDatabase(db);
    meta.itemsCounted = true;
    writeFileSync(metaFile, JSON.stringify(meta, null, 2));
    log(`made the catalogue's example items real ones (their cases count) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hall-bench-year-'));
  const copied = performance.now();
  cpSync(cache, dataDir, { recursive: true, filter: (src) => path.basename(src) !== 'meta.json' });
  log(`copied the cached year (generated ${meta.generatedAt}) in ${((performance.now() - copied) / 1000).toFixed(1)} s`);
  return { dataDir, meta };
}
