// The soak: a hall at ten times a busy day's traffic (30 windows; 2 000 tickets and 500 cases a day,
// ×10) for SOAK_MINUTES (30 unless set), the day compressed into 30 minutes: 20 000 tickets and
// 5 000 cases per 30 minutes, whatever the span, so a short run carries the same load for less
// time. Kiosks issue at that rate; each of the 30 clerks calls the next ticket, serves it a while
// and completes it, and receives cases beside it. Every minute it prints the host's RSS and heap,
// the WAL file's size and that minute's call-next p99; at the end, whether memory and the WAL
// stayed bounded and p99 stayed under its goal. On 127.0.0.1, every loop bounded by the span.
//   npm run build:node && SOAK_MINUTES=30 npx vitest run --config tests/bench/vitest.config.ts tests/bench/soak
import { statSync } from 'node:fs';
import { it } from 'vitest';
import type { ProbedMemory } from './support/memory.js';
import { must, setupHall, startBenchHost, type BenchHost, type Counter } from './support/bench-host.js';
import { percentile, printTable } from './support/stats.js';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 30);
const TICKETS_PER_SECOND = (2_000 * 10) / (30 * 60);
const CASES_PER_SECOND = (500 * 10) / (30 * 60);
const WINDOWS = 30;
const KIOSKS = 4;
/** Call-next p99 goal, as call-next-latency.bench.ts's (30 windows on this disk). */
const P99_GOAL_MS = Number(process.env.SOAK_P99_GOAL_MS ?? 20);
const MB = 1024 * 1024;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Minute {
  calls: number[];
  tickets: number;
  cases: number;
  errors: number;
}

const newMinute = (): Minute => ({ calls: [], tickets: 0, cases: 0, errors: 0 });

/** Runs `step` at `perSecond` (open loop: a slow answer does not slow the arrivals) until `until`. */
async function atRate(perSecond: number, until: number, step: (i: number) => Promise<void>): Promise<void> {
  const started = performance.now();
  const inFlight = new Set<Promise<void>>();
  for (let i = 0; ; i++) {
    const due = started + (i * 1000) / perSecond;
    if (due >= until) break;
    if (due > performance.now()) await sleep(due - performance.now());
    const p = step(i).finally(() => inFlight.delete(p));
    inFlight.add(p);
  }
  await Promise.all(inFlight);
}

async function clerkAtWindow(h: BenchHost, c: Counter, until: number, minute: () => Minute): Promise<void> {
  while (performance.now() < until) {
    const sent = performance.now();
    const res = await h.call('POST', `/windows/${c.windowId}/call-next`, c.clerk);
    if (res.status !== 200) {
      minute().errors += 1;
      await sleep(500);
      continue;
    }
    minute().calls.push(performance.now() - sent);
    const id = res.body.ticket?.id as number | undefined;
    if (id === undefined) {
      await sleep(300 + Math.random() * 400); // nobody waiting
      continue;
    }
    await must(h.call('POST', `/queue/tickets/${id}/start`, c.clerk, {}), 'start');
    await sleep(500 + Math.random() * 2500); // serving the citizen
    await must(h.call('POST', `/queue/tickets/${id}/complete`, c.clerk, {}), 'complete');
  }
}

const walBytes = (dbFile: string) => {
  try {
    return statSync(`${dbFile}-wal`).size;
  } catch {
    return 0;
  }
};

/** The later half may not be above the earlier half's highest by more than `slack` (×) and `plusBytes`. */
function bounded(values: number[], slack: number, plusBytes: number): boolean {
  if (values.length < 4) return true;
  const half = Math.floor(values.length / 2);
  return Math.max(...values.slice(half)) <= Math.max(...values.slice(0, half)) * slack + plusBytes;
}

it(`soak: ${MINUTES} min at ten times a busy hall`, { timeout: (MINUTES + 5) * 60_000 }, async () => {
  const h = await startBenchHost({ probeMemory: true });
  try {
    const { kiosk, counters } = await setupHall(h, WINDOWS);
    const kiosks = [kiosk];
    for (let i = 1; i < KIOSKS; i++) kiosks.push((await must(h.call('POST', '/devices', h.admin, { name: `取号机${i + 1}`, kind: 'kiosk' }), 'kiosk')).token);
    const items = await must(h.call('GET', '/items', h.admin), 'items');
    const itemCode = ((Array.isArray(items) ? items : (items.rows ?? items.items)) as Array<{ code: string }>)[0]!.code;

    const minutes: Minute[] = [newMinute()];
    const current = () => minutes[minutes.length - 1]!;
    const rows: string[][] = [];
    const walSizes: number[] = [];
    const started = performance.now();
    const until = started + MINUTES * 60_000;
    // The host's heap after a GC and its RSS, once a minute (support/memory-probe.mjs in the host).
    const memory: ProbedMemory[] = [];
    const report = async () => {
      const m = current();
      const minute = minutes.length;
      minutes.push(newMinute());
      const mem = await h.memory().catch(() => undefined);
      if (mem) memory.push(mem);
      const wal = walBytes(h.dbFile);
      walSizes.push(wal);
      const row = [
        String(minute),
        String(m.tickets),
        String(m.cases),
        String(m.calls.length),
        m.calls.length ? percentile(m.calls, 99).toFixed(1) : 'n/a',
        mem ? mem.rssMb.toFixed(1) : 'n/a',
        mem ? mem.heapUsedMb.toFixed(1) : 'n/a',
        (wal / MB).toFixed(2),
        String(m.errors),
      ];
      rows.push(row);
      process.stdout.write(`minute ${row[0]}: tickets ${row[1]}, cases ${row[2]}, call-next ${row[3]} p99 ${row[4]} ms, RSS ${row[5]} MB, heap ${row[6]} MB, WAL ${row[7]} MB, errors ${row[8]}\n`);
    };
    const ticker = setInterval(() => void report(), 60_000);
    try {
      await Promise.all([
        atRate(TICKETS_PER_SECOND, until, async (i) => {
          const res = await h.call('POST', '/queue/tickets', kiosks[i % KIOSKS]!, { categoryCode: 'A' });
          if (res.status === 201) current().tickets += 1;
          else current().errors += 1;
        }),
        atRate(CASES_PER_SECOND, until, async (i) => {
          const clerk = counters[i % WINDOWS]!.clerk;
          const res = await h.call('POST', '/cases', clerk, {
            itemCode,
            applicant: { kind: 'person', name: '王芳', idType: 'resident_id', idNumber: '11010519491231002X', mobile: '13812345678' },
            materials: [],
          });
          if (res.status === 201) current().cases += 1;
          else current().errors += 1;
        }),
        ...counters.map((c) => clerkAtWindow(h, c, until, current)),
      ]);
    } finally {
      clearInterval(ticker);
    }
    if (current().calls.length > 0 || current().tickets > 0) await report();

    // The first minute is the host warming up (code loaded, caches filled): judged from the second on.
    const settled = memory.slice(1);
    const heapOk = bounded(settled.map((m) => m.heapUsedMb * MB), 1.25, 16 * MB);
    const rssOk = bounded(settled.map((m) => m.rssMb * MB), 1.25, 32 * MB);
    const walOk = Math.max(...walSizes) <= 64 * MB && bounded(walSizes, 1.1, 4 * MB);
    const allCalls = minutes.flatMap((m) => m.calls);
    const worstMinute = Math.max(...minutes.filter((m) => m.calls.length > 0).map((m) => percentile(m.calls, 99)));
    const errors = minutes.reduce((n, m) => n + m.errors, 0);
    printTable(`soak: ${MINUTES} min, ${TICKETS_PER_SECOND.toFixed(1)} tickets/s and ${CASES_PER_SECOND.toFixed(1)} cases/s, ${WINDOWS} windows`,
      ['minute', 'tickets', 'cases', 'call-next', 'p99 ms', 'RSS MB', 'heap MB', 'WAL MB', 'errors'], rows);
    const verdict = (ok: boolean) => (ok ? 'yes' : 'NO');
    process.stdout.write(
      `memory bounded (heap and RSS of the later half within 25 % of the earlier half's highest, after the first minute): heap ${verdict(heapOk)}, RSS ${verdict(rssOk)}\n` +
        `WAL bounded (≤ 64 MB, later half within 10 % + 4 MB of the earlier half's highest): ${verdict(walOk)}, highest ${(Math.max(...walSizes) / MB).toFixed(2)} MB\n` +
        `call-next p99 over the whole soak ${percentile(allCalls, 99).toFixed(1)} ms, worst minute ${worstMinute.toFixed(1)} ms (goal ≤ ${P99_GOAL_MS} ms): ${verdict(worstMinute <= P99_GOAL_MS)}\n` +
        `requests refused or failed: ${errors}\n`,
    );
  } finally {
    await h.stop();
  }
});
