// 30 counters calling next and completing at once, over HTTP against the real host: call-next's
// p50/p99, then the same while heavy reports run back to back in the host's report worker pool.
import { afterAll, beforeAll, it } from 'vitest';
import { callNextRounds, must, setupHall, startBenchHost, type BenchHost, type Counter } from './support/bench-host.js';
import { hallDay, seedHistory } from './support/history.js';
import { ms, percentile, printTable } from './support/stats.js';

const COUNTERS = 30;
const ROUNDS = 20;
const PHASE_BUDGET_MS = 60_000;
const HISTORY_DAYS = Number(process.env.BENCH_HISTORY_DAYS ?? 300);
const TICKETS_PER_DAY = 500;

let h: BenchHost;
let kiosk: string;
let counters: Counter[];
beforeAll(async () => {
  h = await startBenchHost();
  ({ kiosk, counters } = await setupHall(h, COUNTERS));
  seedHistory(h.dbFile, 'A', HISTORY_DAYS, TICKETS_PER_DAY);
});
afterAll(() => h.stop());

const phase = () => callNextRounds(h, kiosk, counters, ROUNDS, PHASE_BUDGET_MS);

it('call-next latency, 30 counters, without and with heavy reports', async () => {
  await phase(); // warm-up: JIT, statement caches, the first WAL checkpoints
  const quiet = await phase();

  const query = `/reports/queue?from=${hallDay(HISTORY_DAYS + 1)}&to=${hallDay(0)}`;
  const reports: number[] = [];
  let stop = false;
  const reportLoop = (async () => {
    const until = performance.now() + PHASE_BUDGET_MS * 2;
    while (!stop && performance.now() < until) {
      const started = performance.now();
      await must(h.call('GET', query, h.admin), 'report');
      reports.push(performance.now() - started);
    }
  })();
  // Let the first report start, so the whole phase runs beside one.
  await new Promise((r) => setTimeout(r, 20));
  const busy = await phase();
  stop = true;
  await reportLoop;

  const row = (name: string, p: { latencies: number[]; requestsPerSecond: number }) => {
    const l = p.latencies;
    return [name, l.length, ms(percentile(l, 50)), ms(percentile(l, 99)), ms(Math.max(...l)), p.requestsPerSecond.toFixed(0)];
  };
  printTable(`call-next over HTTP, ${COUNTERS} counters × ${ROUNDS} rounds (each round: 30 call-next at once, then start + complete)`, ['phase', 'calls', 'p50', 'p99', 'max', 'req/s'], [
    row('queue only', quiet),
    row(`with reports (${reports.length} run, p50 ${ms(percentile(reports, 50))})`, busy),
  ]);
  const p99 = percentile(busy.latencies, 99);
  process.stdout.write(`report: ${HISTORY_DAYS * TICKETS_PER_DAY} past tickets over ${HISTORY_DAYS} days; p99 with reports ÷ p99 without = ${(p99 / percentile(quiet.latencies, 99)).toFixed(2)}; goal p99 ≤ 20 ms: ${p99 <= 20 ? 'met' : 'NOT met'}\n`);
});
