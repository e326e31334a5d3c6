// Draining a week-offline backlog of 10,000 records to the county, side by side in one run with the
// simulator's own ingest rate for the same records: a bare client posting them in batches of 200 over
// the same HTTP (and, for reference, the store filing them with no HTTP at all). The host is the built
// CLI in its own process; its memory is sampled while it drains.
//   npm run build:node && npx vitest run --config tests/bench/vitest.config.ts tests/bench/county-drain
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, it } from 'vitest';
import { migrate } from '../../db/migrate.js';
import { batchBody } from '../../electron/hall/sync/county-http.js';
import type { OutboxRow } from '../../electron/hall/sync/batch-select.js';
import { startCountySim, type CountySim } from '../county-sim/server.js';
import { CountyStore } from '../county-sim/store.js';
import { HALL_CODE, seedRecords } from '../integration/support/county.js';
import { openHostDatabase, startHostProcess, type HostProcess } from '../integration/support/host-process.js';
import { rssMb } from './support/memory.js';
import { printTable } from './support/stats.js';

const TOTAL = 10_000;
const KEY = 'bench-county-key';
const dirs: string[] = [];
const temp = (name: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), `county-drain-${name}-`));
  dirs.push(dir);
  return dir;
};
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.splice(0)) await c().catch(() => undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function waitFor(done: () => boolean, budgetMs: number, everyMs = 2): Promise<void> {
  const until = performance.now() + budgetMs;
  while (!done()) {
    if (performance.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

it('county-drain: 10,000 records after a week offline', async () => {
  // The backlog: a week of a busy hall, captured over seven days.
  const hallDir = temp('hall');
  const db = openHostDatabase(hallDir);
  migrate(db);
  seedRecords(db, { cases: 1000, eventsPerCase: 4, ratings: 4_993, daily: 7 }, 2026);
  const weekAgo = Date.now() - 7 * 86_400_000;
  db.prepare('UPDATE outbox SET created_at = ? WHERE id % 7 = 0').run(new Date(weekAgo).toISOString());
  const rows = db.prepare('SELECT id, record_id, kind, case_no, seq, occurred_at, payload, attempts FROM outbox ORDER BY id').all() as OutboxRow[];
  db.close();
  const bodies: string[] = [];
  for (let i = 0; i < rows.length; i += 200) bodies.push(batchBody({ hallCode: HALL_CODE, sentAt: new Date().toISOString(), records: rows.slice(i, i + 200) }));

  // 1. The simulator's own rate over HTTP: one client, batches of 200 back to back, in capture order.
  const bare: CountySim = await startCountySim({ dataDir: temp('sim-bare'), key: KEY });
  cleanups.push(() => bare.close());
  let started = performance.now();
  for (const body of bodies) {
    const res = await fetch(`${bare.url}/api/v1/batches`, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body });
    if (res.status !== 200) throw new Error(`bare client: ${res.status}`);
    await res.text();
  }
  const bareMs = performance.now() - started;
  if (bare.store.counters().records !== TOTAL) throw new Error('bare client lost records');

  // 2. For reference: the store filing the same batches with no HTTP.
  const store = new CountyStore(path.join(temp('sim-store'), 'county.db'));
  store.db.pragma('journal_mode = WAL');
  started = performance.now();
  for (const body of bodies) store.ingest(HALL_CODE, (JSON.parse(body) as { records: unknown[] }).records);
  const storeMs = performance.now() - started;
  store.close();

  // 3. The hall host draining its outbox to a fresh simulator.
  const sim = await startCountySim({ dataDir: temp('sim-hall'), key: KEY });
  cleanups.push(() => sim.close());
  const host: HostProcess = await startHostProcess(['--data', hallDir, '--county-url', sim.url, '--county-key', KEY, '--hall-code', HALL_CODE, '--sync-interval', '1', '--log-level', 'warn']);
  cleanups.push(async () => {
    host.child.kill('SIGTERM');
    await host.exited;
  });
  const pid = host.child.pid!;
  const atReady = rssMb(pid);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid) ?? 0)), 10);
  // The clock starts when the first batch arrives (the host waits 200 ms after start before its first cycle).
  await waitFor(() => sim.store.counters().records > 0, 10_000, 1);
  started = performance.now();
  await waitFor(() => sim.store.counters().records >= TOTAL, 120_000);
  const hallMs = performance.now() - started;
  const counters = sim.store.counters();

  // 4. Memory: nine more week-long backlogs into the same running host (written by a second
  //    connection, as the host's own features would), each drained in turn. Flat = the resident size
  //    after each round stops growing with the number of records sent.
  const rounds: Array<Array<string | number>> = [['1', TOTAL, `${hallMs.toFixed(0)} ms`, (rssMb(pid) ?? 0).toFixed(1), peak.toFixed(1)]];
  const writer = openHostDatabase(hallDir);
  for (let round = 2; round <= 10; round++) {
    peak = 0;
    seedRecords(writer, { cases: 1000, eventsPerCase: 4, ratings: 4_993, daily: 7 }, 2026 + round, `R${round}-`);
    const target = round * TOTAL;
    const t0 = performance.now();
    await waitFor(() => sim.store.counters().records >= target, 120_000);
    rounds.push([String(round), target, `${(performance.now() - t0).toFixed(0)} ms`, (rssMb(pid) ?? 0).toFixed(1), peak.toFixed(1)]);
  }
  writer.close();
  clearInterval(sampler);

  const rate = (msTaken: number) => `${((TOTAL / msTaken) * 1000).toFixed(0)} rec/s`;
  printTable(`county-drain (${TOTAL} records, batches of 200)`, ['what', 'time', 'rate'], [
    ['hall host draining its outbox over HTTP', `${hallMs.toFixed(0)} ms`, rate(hallMs)],
    ['bare client → simulator over HTTP', `${bareMs.toFixed(0)} ms`, rate(bareMs)],
    ['simulator store alone (no HTTP)', `${storeMs.toFixed(0)} ms`, rate(storeMs)],
  ]);
  process.stdout.write(`first drain: ${counters.batches} batches, ${counters.duplicates} duplicates, ${counters.orderViolations} order violations\n`);
  printTable(`host memory (RSS, MB; ${atReady?.toFixed(1) ?? 'n/a'} at ready; Linux only)`, ['backlog', 'records sent so far', 'drain time (incl. ≤1 s interval)', 'RSS after', 'peak while draining'], rounds);
  const ratio = bareMs / hallMs;
  process.stdout.write(`hall drain rate ÷ simulator's own HTTP ingest rate = ${ratio.toFixed(2)} (goal ≥ 0.50): ${ratio >= 0.5 ? 'met' : 'NOT met'}\n`);
});
