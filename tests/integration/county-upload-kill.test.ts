// kill -9 of the built host while it uploads 10,000 records, 10 times at random moments, then a
// normal run: the county holds each record exactly once, nothing is left pending or sending, every
// receipt agrees, and the database is intact (issue 5).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate.js';
import { startCountySim, type CountySim } from '../county-sim/server.js';
import { checkAgreement, checkCaseOrder, HALL_CODE, outboxStates, seedRecords, type Seeded } from './support/county.js';
import { call, openHostDatabase, startHostProcess, type HostProcess } from './support/host-process.js';

const data = mkdtempSync(path.join(os.tmpdir(), 'hall-upload-kill-'));
const ADMIN = 'upload-kill-admin';
const KILLS = 10;
const TOTAL = 10_000;

let sim: CountySim;
let seeded: Seeded;
beforeAll(async () => {
  sim = await startCountySim({ key: 'county-kill-key' });
  const db = openHostDatabase(data);
  migrate(db);
  seeded = seedRecords(db, { cases: 1000, eventsPerCase: 4, ratings: 4_900, daily: 100 }, 42);
  db.close();
});
afterAll(async () => {
  await sim.close();
  rmSync(data, { recursive: true, force: true });
});

/** --sync-interval 1: the CLI allows intervals from 1 s so that this test need not wait. */
const hostArgs = () => ['--data', data, '--county-url', sim.url, '--county-key', 'county-kill-key', '--hall-code', HALL_CODE, '--sync-interval', '1', '--log-level', 'warn'];
const held = () => sim.store.counters().records;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until this host has filed more records than `before` and at least `threshold` are held. */
async function uploading(host: HostProcess, before: number, threshold: number): Promise<void> {
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    const n = held();
    if (n > before && n >= threshold) return;
    if (n >= TOTAL) throw new Error('the upload finished before the kill');
    await sleep(2);
  }
  throw new Error(`host ${host.child.pid} did not upload (held ${held()})`);
}

describe('kill -9 during the county upload', () => {
  it(`delivers ${TOTAL} records exactly once over ${KILLS} kills`, async () => {
    expect(seeded.ids).toHaveLength(TOTAL);
    // Kill points spread over the first 60 % of the upload, each at a random moment once that much has
    // arrived; the headroom above keeps a fast machine from finishing the upload before the kill lands.
    const thresholds = Array.from({ length: KILLS }, () => 200 + Math.floor(Math.random() * (TOTAL * 0.6))).sort((a, b) => a - b);
    let killedWhileUploading = 0;
    for (let i = 0; i < KILLS; i++) {
      const host = await startHostProcess([...hostArgs(), ...(i === 0 ? ['--admin-password', ADMIN] : [])]);
      const before = held();
      await uploading(host, before, thresholds[i]!);
      await sleep(Math.random() * 10);
      const atKill = sim.store.counters();
      host.child.kill('SIGKILL');
      await host.exited;
      if (atKill.records < TOTAL) killedWhileUploading += 1;
    }
    expect(killedWhileUploading).toBe(KILLS);

    // A normal run to the end, watched through the operator's status.
    const host = await startHostProcess(hostArgs());
    const admin = (await call(host.base, 'POST', '/auth/login', null, { username: 'admin', password: ADMIN })).body.token;
    const until = Date.now() + 20_000;
    let status: any;
    do {
      await sleep(100);
      status = (await call(host.base, 'GET', '/sync/status', admin)).body;
    } while (Date.now() < until && (status.counts.pending > 0 || status.counts.sending > 0));
    expect(status.counts).toEqual({ pending: 0, sending: 0, done: TOTAL, rejected: 0 });
    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);

    const db = openHostDatabase(data);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(outboxStates(db)).toEqual({ done: TOTAL });
      expect(checkAgreement(db, sim.store)).toEqual({ held: TOTAL, done: TOTAL });
      checkCaseOrder(sim.store, seeded.byCase);
      expect(new Set(sim.store.records().map((r) => r.recordId))).toEqual(new Set(seeded.ids));
      const counters = sim.store.counters();
      process.stdout.write(`county-upload kill test: ${KILLS} kills, ${counters.batches} batches, ${counters.duplicates} duplicates answered, ${counters.deliveries} deliveries\n`);
    } finally {
      db.close();
    }
  }, 60_000);
});
