// Taking a ticket over HTTP against the real host, next to the floor it stands on: one raw
// single-row INSERT committed with WAL + synchronous=FULL on the same disk, into an encrypted database
// as the host's is. Both pay one fsync per ticket; the ratio shows what the HTTP, auth, validation,
// audit and event work add on top. (What encryption itself costs: issue-ticket-encryption.bench.ts.)
// A third row repeats the HTTP run after a year of past tickets is added. The floor a ticket stands on
// is an authenticated no-op request to the same host (GET /auth/me with the kiosk's token) plus the
// raw commit: the ratio floor ÷ ticket says how much of a ticket is the hall's own work.
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
const BLOCK = 50;
/** Pages a ticket's commit writes to the WAL (counted from the frames of one ticket's commit). */
const PAGES = 6;

let h: BenchHost;
let kiosk: string;
beforeAll(async () => {
  h = await startBenchHost();
  ({ kiosk } = await setupHall(h, 1));
});
afterAll(() => h.stop());

it('issue-ticket: HTTP vs raw INSERT', async () => {
  // Same folder, so the same disk and file system as the host's database.
  const raw = openDatabase(path.join(h.dataDir, 'raw.db'), { key: randomBytes(32) });
  raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, day TEXT NOT NULL, number TEXT NOT NULL, status TEXT NOT NULL, at TEXT NOT NULL) STRICT');
  const insert = raw.prepare('INSERT INTO t (day, number, status, at) VALUES (?, ?, ?, ?)');
  // A ticket's commit writes six pages (its row, two of its indexes, the day's number, the audit row
  // and the chain head); the raw commit one. The same raw commit spread over six tables writes six:
  // what of the gap is the pages themselves (each one encrypted, written and synced).
  // Its own file, so the one-row floor's WAL grows and restarts as it always did.
  const rawPagesDb = openDatabase(path.join(h.dataDir, 'raw-pages.db'), { key: randomBytes(32) });
  for (let i = 0; i < PAGES; i++) rawPagesDb.exec(`CREATE TABLE p${i} (id INTEGER PRIMARY KEY, day TEXT NOT NULL, number TEXT NOT NULL, status TEXT NOT NULL, at TEXT NOT NULL) STRICT`);
  const spread = Array.from({ length: PAGES }, (_, i) => rawPagesDb.prepare(`INSERT INTO p${i} (day, number, status, at) VALUES (?, ?, ?, ?)`));
  const rawPages = rawPagesDb.transaction((number: string, at: string) => {
    for (const stmt of spread) stmt.run('2026-03-02', number, 'waiting', at);
  });
  let rawCount = 0;
  const steps = {
    ticket: async () => {
      const res = await h.call('POST', '/queue/tickets', kiosk, { categoryCode: 'A' });
      if (res.status !== 201) throw new Error(`ticket refused: ${res.status} ${JSON.stringify(res.body)}`);
    },
    noop: async () => {
      const res = await h.call('GET', '/auth/me', kiosk);
      if (res.status !== 200) throw new Error(`no-op refused: ${res.status}`);
    },
    raw: async () => void insert.run('2026-03-02', `A${String(++rawCount).padStart(3, '0')}`, 'waiting', new Date().toISOString()),
    rawPages: async () => void rawPages(`A${String(++rawCount).padStart(3, '0')}`, new Date().toISOString()),
  };
  const times: Record<keyof typeof steps, number[]> = { ticket: [], noop: [], raw: [], rawPages: [] };
  for (const step of Object.values(steps)) await bounded(WARMUP, BUDGET_MS, step);
  // In blocks, taking turns: a change in the machine's load while the bench runs falls on all three.
  const until = performance.now() + BUDGET_MS * 3;
  for (let done = 0; done < COUNT && performance.now() < until; done += BLOCK) {
    for (const [name, step] of Object.entries(steps) as Array<[keyof typeof steps, () => Promise<void>]>) {
      await bounded(BLOCK, BUDGET_MS, async () => {
        const started = performance.now();
        await step();
        times[name].push(performance.now() - started);
      });
    }
  }
  raw.close();
  rawPagesDb.close();
  const { ticket: http, noop, raw: rawTimes, rawPages: rawPagesTimes } = times;

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
    ['POST /queue/tickets over HTTP', http.length, ms(httpMedian), ms(percentile(http, 99)), (1000 / httpMedian).toFixed(0)],
    ['no-op request (GET /auth/me, kiosk token)', noop.length, ms(percentile(noop, 50)), ms(percentile(noop, 99)), (1000 / percentile(noop, 50)).toFixed(0)],
    ['raw INSERT, WAL + FULL, encrypted', rawTimes.length, ms(rawMedian), ms(percentile(rawTimes, 99)), (1000 / rawMedian).toFixed(0)],
    [`raw INSERT into ${PAGES} tables in one commit (${PAGES} pages)`, rawPagesTimes.length, ms(percentile(rawPagesTimes, 50)), ms(percentile(rawPagesTimes, 99)), (1000 / percentile(rawPagesTimes, 50)).toFixed(0)],
    ['HTTP, 150 000 past tickets', agedRuns, ms(percentile(aged, 50)), ms(percentile(aged, 99)), (1000 / percentile(aged, 50)).toFixed(0)],
  ]);
  const ratio = rawMedian / httpMedian;
  process.stdout.write(`HTTP throughput ÷ raw throughput = raw p50 ÷ HTTP p50 = ${ratio.toFixed(2)} (goal ≥ 0.40): ${ratio >= 0.4 ? 'met' : 'NOT met'}\n`);
  const floor = percentile(noop, 50) + rawMedian;
  const toFloor = floor / httpMedian;
  process.stdout.write(`floor (no-op request p50 + raw commit p50 = ${ms(floor)}) ÷ ticket p50 = ${toFloor.toFixed(2)} (goal ≥ 0.75): ${toFloor >= 0.75 ? 'met' : 'NOT met'}\n`);
  const pageFloor = percentile(noop, 50) + percentile(rawPagesTimes, 50);
  process.stdout.write(`for comparison, the floor with the ticket's ${PAGES} pages (no-op p50 + ${PAGES}-page raw commit p50 = ${ms(pageFloor)}) ÷ ticket p50 = ${(pageFloor / httpMedian).toFixed(2)}\n`);
});
