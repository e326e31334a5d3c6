// What the host's own timers cost once a hall has a year behind it. Every minute the host asks which
// past days still need closing, every half second it re-reads the credentials of open event sockets,
// every minute it flushes the failed-login record, and a minute after start its backup keeper looks
// whether the day's backup is due; all of it on the event loop, where every clerk's request waits
// behind it. A probe asks the host's health route every 20 ms for a while on a quiet host: the year
// of support/year-hall.ts (5M tickets; BENCH_YEAR_SCALE as in command-centre.bench.ts), then a new,
// empty hall for the same time, in the same run. Printed: the start, the probe's p50, p99 and worst
// answer, and every stall over 50 ms with when it came; the ratio is the year's worst ÷ the empty
// hall's worst.
import { it } from 'vitest';
import { startBenchHost, type BenchHost } from './support/bench-host.js';
import { ms, percentile, printTable } from './support/stats.js';
import { FULL_YEAR, yearHall } from './support/year-hall.js';

const SCALE = Number(process.env.BENCH_YEAR_SCALE ?? 1);
/** Long enough for two turns of the day end's minute and the backup keeper's first look. */
const PROBE_SECONDS = Number(process.env.BENCH_PROBE_SECONDS ?? 130);
const PROBE_EVERY_MS = 20;
const STALL_MS = 50;

const log = (line: string) => process.stdout.write(`${line}\n`);

interface Probe {
  startMs: number;
  answers: number[];
  stalls: Array<{ atSeconds: number; ms: number }>;
}

async function probe(h: BenchHost, seconds: number): Promise<Omit<Probe, 'startMs'>> {
  const answers: number[] = [];
  const stalls: Probe['stalls'] = [];
  const began = performance.now();
  const until = began + seconds * 1000;
  while (performance.now() < until) {
    const started = performance.now();
    const res = await h.call('GET', '/health', null);
    const took = performance.now() - started;
    if (res.status !== 200) throw new Error(`health: ${res.status}`);
    answers.push(took);
    if (took >= STALL_MS) stalls.push({ atSeconds: (started - began) / 1000, ms: took });
    await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
  }
  return { answers, stalls };
}

async function measure(dataDir: string | undefined): Promise<Probe> {
  const started = performance.now();
  const h = await startBenchHost({ ...(dataDir ? { dataDir } : {}), readyTimeoutMs: 60 * 60_000 });
  const startMs = performance.now() - started;
  try {
    return { startMs, ...(await probe(h, PROBE_SECONDS)) };
  } finally {
    await h.stop();
  }
}

it('the event loop of a quiet host on a year of tickets, beside an empty hall', async () => {
  const scale = { tickets: Math.round(FULL_YEAR.tickets * SCALE), cases: Math.round(FULL_YEAR.cases * SCALE), ratings: Math.round(FULL_YEAR.ratings * SCALE) };
  const year = await yearHall(scale, log);
  const onYear = await measure(year.dataDir);
  const empty = await measure(undefined);
  const row = (name: string, p: Probe) => [
    name,
    `${(p.startMs / 1000).toFixed(1)} s`,
    String(p.answers.length),
    ms(percentile(p.answers, 50)),
    ms(percentile(p.answers, 99)),
    ms(Math.max(...p.answers)),
    p.stalls.length === 0 ? 'none' : p.stalls.map((s) => `${s.atSeconds.toFixed(0)} s: ${ms(s.ms)}`).join('; '),
  ];
  printTable(`GET /health every ${PROBE_EVERY_MS} ms for ${PROBE_SECONDS} s on a quiet host`, ['hall', 'start', 'probes', 'p50', 'p99', 'worst', `stalls ≥ ${STALL_MS} ms (when)`], [
    row(`a year (${year.meta.rows.tickets ?? scale.tickets} tickets)`, onYear),
    row('empty', empty),
  ]);
  const worst = (p: Probe) => Math.max(...p.answers);
  log(`worst answer, year ÷ empty = ${(worst(onYear) / worst(empty)).toFixed(2)}; p99 year ÷ empty = ${(percentile(onYear.answers, 99) / percentile(empty.answers, 99)).toFixed(2)}`);
}, 3_600_000);
