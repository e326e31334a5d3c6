// Taking a ticket over HTTP against the real host, next to the floor it stands on: one raw
// single-row INSERT committed with WAL + synchronous=FULL on the same disk, into an encrypted database
// as the host's is. Both pay one fsync per ticket; the ratio shows what the HTTP, auth, validation,
// audit and event work add on top. (What encryption itself costs: issue-ticket-encryption.bench.ts.)
// A third row repeats the HTTP run after a year of past tickets is added.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { openDatabase } from '../../db/connection.js';
import { afterAll, beforeAll, it } from 'vitest';
import { setupHall, startBenchHost, type BenchHost } from './support/bench-host.js';
import { seedHistory } from './support/history.js';
import { bounded, ms, percentile, printTable } from './support/stats.js';

const WARMUP = 20;
const COUNT = 500;
const AGED_COUNT = 200;
const BUDGET_MS = 30_000;

let h: BenchHost;
let kiosk: string;
beforeAll(async () => {
  h = await startBenchHost();
  ({ kiosk } = await setupHall(h, 1));
});
afterAll(() => h.stop());

it('issue-ticket: HTTP vs raw INSERT', async () => {
  const http: number[] = [];
  await bounded(WARMUP, BUDGET_MS, async () => void (await h.call('POST', '/queue/tickets', kiosk, { categoryCode: 'A' })));
  const httpRuns = await bounded(COUNT, BUDGET_MS, async () => {
    const started = performance.now();
    const res = await h.call('POST', '/queue/tickets', kiosk, { categoryCode: 'A' });
    http.push(performance.now() - started);
    if (res.status !== 201) throw new Error(`ticket refused: ${res.status} ${JSON.stringify(res.body)}`);
  });

  // Same folder, so the same disk and file system as the host's database.
  const raw = openDatabase(path.join(h.dataDir, 'raw.db'), { key: randomBytes(32) });
  raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, day TEXT NOT NULL, number TEXT NOT NULL, status TEXT NOT NULL, at TEXT NOT NULL) STRICT');
  const insert = raw.prepare('INSERT INTO t (day, number, status, at) VALUES (?, ?, ?, ?)');
  const rawTimes: number[] = [];
  const once = (i: number) => insert.run('2026-03-02', `A${String(i).padStart(3, '0')}`, 'waiting', new Date().toISOString());
  for (let i = 0; i < WARMUP; i++) once(i);
  const rawRuns = await bounded(COUNT, BUDGET_MS, async (i) => {
    const started = performance.now();
    once(i);
    rawTimes.push(performance.now() - started);
  });
  raw.close();

  // The same over HTTP once the hall has a year behind it: what a ticket costs in the second year.
  seedHistory(h.dbFile, 'A', 300, 500);
  const aged: number[] = [];
  const agedRuns = await bounded(AGED_COUNT, BUDGET_MS, async () => {
    const started = performance.now();
    await h.call('POST', '/queue/tickets', kiosk, { categoryCode: 'A' });
    aged.push(performance.now() - started);
  });

  const httpMedian = percentile(http, 50);
  const rawMedian = percentile(rawTimes, 50);
  printTable('issue-ticket (sequential, one client)', ['what', 'runs', 'p50', 'p99', 'ops/s at p50'], [
    ['POST /queue/tickets over HTTP', httpRuns, ms(httpMedian), ms(percentile(http, 99)), (1000 / httpMedian).toFixed(0)],
    ['raw INSERT, WAL + FULL, encrypted', rawRuns, ms(rawMedian), ms(percentile(rawTimes, 99)), (1000 / rawMedian).toFixed(0)],
    ['HTTP, 150 000 past tickets', agedRuns, ms(percentile(aged, 50)), ms(percentile(aged, 99)), (1000 / percentile(aged, 50)).toFixed(0)],
  ]);
  const ratio = rawMedian / httpMedian;
  process.stdout.write(`HTTP throughput ÷ raw throughput = raw p50 ÷ HTTP p50 = ${ratio.toFixed(2)} (goal ≥ 0.40): ${ratio >= 0.4 ? 'met' : 'NOT met'}\n`);
});
