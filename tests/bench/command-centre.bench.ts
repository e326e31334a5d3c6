// Issue 10's bench: a year of a busy hall (5M tickets, 1M cases, 500k ratings, their work orders and
// agent requests; support/year-hall.ts) under the built host, measured over HTTP: (a) the year report,
// every route and grouping the report screen offers, over the whole generated year; (b) the
// dashboard's first-paint data (GET /dashboard); (c) call-next p99 of 30 counters while the year
// report runs back to back, as a ratio to call-next p99 on the same host idle, in the same run.
// BENCH_YEAR_SCALE=0.01 runs the same on a hundredth of the year (a separate cache).
import { afterAll, beforeAll, it } from 'vitest';
import { callNextRounds, must, startBenchHost, type BenchHost, type Counter } from './support/bench-host.js';
import { ms, percentile, printTable } from './support/stats.js';
import { FULL_YEAR, STAFF_PASSWORD, WINDOWS, yearHall, type YearMeta } from './support/year-hall.js';

const SCALE = Number(process.env.BENCH_YEAR_SCALE ?? 1);
const REPORT_RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 3);
const DASHBOARD_RUNS = 20;
const ROUNDS = 20;
const PHASE_BUDGET_MS = 90_000;
const GOAL_REPORT_MS = 2_000;
const GOAL_DASHBOARD_MS = 200;

const log = (line: string) => process.stdout.write(`${line}\n`);
let h: BenchHost;
let meta: YearMeta;
let lead: string;
let kiosk: string;
const counters: Counter[] = [];

beforeAll(async () => {
  const scale = { tickets: Math.round(FULL_YEAR.tickets * SCALE), cases: Math.round(FULL_YEAR.cases * SCALE), ratings: Math.round(FULL_YEAR.ratings * SCALE) };
  const year = await yearHall(scale, log);
  meta = year.meta;
  const started = performance.now();
  h = await startBenchHost({ dataDir: year.dataDir });
  log(`host up on the year in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const login = async (username: string) => (await must(h.call('POST', '/auth/login', null, { username, password: STAFF_PASSWORD }), `login ${username}`)).token as string;
  lead = await login('lead1');
  kiosk = (await must(h.call('POST', '/devices', h.admin, { name: '取号机（测试）', kind: 'kiosk' }), 'kiosk')).token as string;
  const windows = (await must(h.call('GET', '/windows', h.admin), 'windows')) as Array<{ id: number; number: number }>;
  for (let i = 1; i <= WINDOWS; i++) {
    const clerk = await login(`clerk${i}`);
    const windowId = windows.find((w) => w.number === i)!.id;
    await must(h.call('POST', `/windows/${windowId}/sign-in`, clerk), 'sign-in');
    counters.push({ windowId, clerk });
  }
}, 1_800_000);
afterAll(() => h?.stop());

interface Timed {
  ms: number[];
  statuses: number[];
}

/** The status, or 0 when the client gave up (30 s): a slow answer is a figure to print, not a crash. */
const status = (url: string) => h.call('GET', url, lead).then((r) => r.status, () => 0);

async function timed(url: string, runs: number): Promise<Timed> {
  const t: Timed = { ms: [], statuses: [] };
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    t.statuses.push(await status(url));
    t.ms.push(performance.now() - started);
  }
  return t;
}

it('the year report, the dashboard, and call-next beside the year report', async () => {
  const range = `from=${meta.from}&to=${meta.to}`;
  // The report screen (reports-screen.tsx) asks for the first three together; the export runs them
  // again and writes the file.
  const routes: Array<[string, string]> = [
    ['queue: by day × category, by category, totals', `/reports/queue?${range}`],
    ['ratings: indicators, by window, clerk, channel', `/reports/ratings?${range}`],
    ['summary: every day, cases by item and village', `/reports/summary?${range}`],
    ['xlsx export (all three, as a file)', `/reports/ratings.xlsx?${range}`],
  ];
  const SCREEN = 3;
  await timed(`/dashboard`, 2); // warm-up: the first worker thread, statement caches, the database pages
  const reports = [];
  for (const [name, url] of routes) reports.push({ name, ...(await timed(url, REPORT_RUNS)) });
  const screen: Timed = { ms: [], statuses: [] };
  for (let i = 0; i < REPORT_RUNS; i++) {
    const started = performance.now();
    screen.statuses.push(...(await Promise.all(routes.slice(0, SCREEN).map(([, url]) => status(url)))));
    screen.ms.push(performance.now() - started);
  }
  const dashboard = await timed('/dashboard', DASHBOARD_RUNS);

  await callNextRounds(h, kiosk, counters, ROUNDS, PHASE_BUDGET_MS); // warm-up
  const idle = await callNextRounds(h, kiosk, counters, ROUNDS, PHASE_BUDGET_MS);
  let stop = false;
  const beside: Timed = { ms: [], statuses: [] };
  const reportLoop = (async () => {
    for (let i = 0; !stop && i < 1000; i++) {
      const started = performance.now();
      beside.statuses.push(await status(routes[i % SCREEN]![1]));
      beside.ms.push(performance.now() - started);
    }
  })();
  await new Promise((r) => setTimeout(r, 50)); // the first report is running in a worker
  const busy = await callNextRounds(h, kiosk, counters, ROUNDS, PHASE_BUDGET_MS);
  stop = true;
  await reportLoop;

  const row = (name: string, t: Timed) => [name, String(t.ms.length), ms(Math.min(...t.ms)), ms(percentile(t.ms, 50)), ms(Math.max(...t.ms)), [...new Set(t.statuses)].join(',')];
  printTable(`the year ${meta.from} … ${meta.to} (${meta.workingDays} working days; ${Object.entries(meta.rows).map(([k, v]) => `${v} ${k}`).join(', ')})`, ['request', 'runs', 'min', 'p50', 'max', 'status'], [
    ...reports.map((r) => row(r.name, r)),
    row('report screen: queue + ratings + summary at once', screen),
    row('GET /dashboard (first paint data)', dashboard),
    row('reports run beside call-next', beside),
  ]);
  const idleP99 = percentile(idle.latencies, 99);
  const busyP99 = percentile(busy.latencies, 99);
  printTable(`call-next over HTTP, ${WINDOWS} counters × ${ROUNDS} rounds`, ['phase', 'calls', 'p50', 'p99', 'max', 'req/s'], [
    ['idle host', String(idle.latencies.length), ms(percentile(idle.latencies, 50)), ms(idleP99), ms(Math.max(...idle.latencies)), idle.requestsPerSecond.toFixed(0)],
    ['year report running', String(busy.latencies.length), ms(percentile(busy.latencies, 50)), ms(busyP99), ms(Math.max(...busy.latencies)), busy.requestsPerSecond.toFixed(0)],
  ]);
  const screenP50 = percentile(screen.ms, 50);
  const dashP50 = percentile(dashboard.ms, 50);
  const dashP95 = percentile(dashboard.ms, 95);
  const worstReport = Math.max(...reports.slice(0, SCREEN).map((r) => percentile(r.ms, 50)));
  log([
    '',
    '== command centre bench summary ==',
    `scale ${SCALE} (${meta.scale.tickets} tickets, ${meta.scale.cases} cases, ${meta.scale.ratings} ratings), generated ${meta.generatedAt} in ${(meta.generationMs / 1000).toFixed(0)} s`,
    `(a) year report, screen (queue + ratings + summary at once) p50 ${ms(screenP50)}; slowest route p50 ${ms(worstReport)}; ÷ goal ${GOAL_REPORT_MS} ms = ${(screenP50 / GOAL_REPORT_MS).toFixed(2)} → ${screenP50 <= GOAL_REPORT_MS ? 'met' : 'NOT met'}`,
    `(b) GET /dashboard p50 ${ms(dashP50)}, p95 ${ms(dashP95)}; p50 ÷ goal ${GOAL_DASHBOARD_MS} ms = ${(dashP50 / GOAL_DASHBOARD_MS).toFixed(2)} → ${dashP50 <= GOAL_DASHBOARD_MS ? 'met' : 'NOT met'}`,
    `(c) call-next p99 idle ${ms(idleP99)}, beside the year report ${ms(busyP99)} (${beside.ms.length} reports ran, p50 ${ms(percentile(beside.ms, 50))}); ratio ${(busyP99 / idleP99).toFixed(2)}`,
    '',
  ].join('\n'));
}, 1_800_000);
