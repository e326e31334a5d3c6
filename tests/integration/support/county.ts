// County-upload test support: a hall database seeded with mixed outbox records, an uploader driven
// by hand against the simulator, and the checks every test makes of the two sides.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../../db/connection.js';
import { migrate } from '../../../db/migrate.js';
import { systemClock, type Clock } from '../../../electron/hall/clock.js';
import { enqueueRecord } from '../../../electron/hall/sync/outbox.js';
import { applyCliSyncOptions } from '../../../electron/hall/sync/sync-settings.js';
import { createUploader, type Uploader, type UploaderOptions } from '../../../electron/hall/sync/uploader.js';
import type { CountyStore } from '../../county-sim/store.js';

export const HALL_CODE = '320703104';

/** A small deterministic PRNG, so a seeded mix is the same every run. */
export function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

export interface Mix {
  cases: number;
  eventsPerCase: number;
  ratings: number;
  daily: number;
}

export interface Seeded {
  ids: string[];
  /** caseNo → its recordIds in seq order (the case record first). */
  byCase: Map<string, string[]>;
}

/** Enqueues a mix in one transaction, interleaved at random as a busy hall would capture it. */
export function seedRecords(db: Db, mix: Mix, seed = 1, prefix = 'C'): Seeded {
  const random = prng(seed);
  const byCase = new Map<string, string[]>();
  const ids: string[] = [];
  // Each case is a queue of its records; ratings and day records are single entries.
  const lanes: Array<{ left: number; next: () => string }> = [];
  for (let c = 0; c < mix.cases; c++) {
    const caseNo = `${prefix}${String(c).padStart(6, '0')}`;
    let seq = 0;
    byCase.set(caseNo, []);
    lanes.push({
      left: 1 + mix.eventsPerCase,
      next: () => {
        const at = new Date().toISOString();
        const id = seq === 0
          ? enqueueRecord(db, { kind: 'case', caseNo, occurredAt: at, payload: { caseNo, itemCode: 'X1', channel: 'window' } })
          : enqueueRecord(db, { kind: 'case-event', caseNo, seq, occurredAt: at, payload: { action: `step-${seq}` } });
        seq += 1;
        byCase.get(caseNo)!.push(id);
        return id;
      },
    });
  }
  for (let r = 0; r < mix.ratings; r++) {
    lanes.push({ left: 1, next: () => enqueueRecord(db, { kind: 'rating', occurredAt: new Date().toISOString(), payload: { level: 1 + (r % 5), channel: 'onsite' } }) });
  }
  for (let d = 0; d < mix.daily; d++) {
    lanes.push({ left: 1, next: () => enqueueRecord(db, { kind: 'queue-daily', occurredAt: new Date().toISOString(), payload: { businessDay: `2026-01-${String(1 + (d % 28)).padStart(2, '0')}`, categories: [] } }) });
  }
  db.transaction(() => {
    const open = lanes.filter((l) => l.left > 0);
    while (open.length) {
      const i = Math.floor(random() * open.length);
      const lane = open[i]!;
      ids.push(lane.next());
      lane.left -= 1;
      if (lane.left === 0) open.splice(i, 1);
    }
  }).immediate();
  return { ids, byCase };
}

export interface DrivenHall {
  db: Db;
  dir: string;
  uploader: Uploader;
  close(): Promise<void>;
}

/** A hall database pointed at the simulator, with an uploader the test drives by calling runCycle. */
export function drivenHall(countyUrl: string, options: Partial<UploaderOptions> & { clock?: Clock; inMemory?: boolean } = {}): DrivenHall {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hall-sync-'));
  // In memory for the many small runs of the model test: the property is about logic, not fsync.
  const db = openDatabase(options.inMemory ? ':memory:' : path.join(dir, 'hall.db'));
  migrate(db);
  applyCliSyncOptions(db, systemClock, dir, { countyUrl, countyKey: 'test-county-key', hallCode: HALL_CODE, intervalSeconds: 3600 });
  const uploader = createUploader({ db, clock: options.clock ?? systemClock, secretDir: dir, backoff: () => 0, requestTimeoutMs: 300, ...options });
  return {
    db,
    dir,
    uploader,
    close: async () => {
      await uploader.stop();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs cycles until nothing is pending or sending, or the time is up. Returns the cycles run. */
export async function drain(hall: DrivenHall, budgetMs: number): Promise<number> {
  const until = Date.now() + budgetMs;
  let cycles = 0;
  while (Date.now() < until) {
    await hall.uploader.runCycle({ manual: true });
    cycles += 1;
    const left = hall.db.prepare("SELECT count(*) AS n FROM outbox WHERE state IN ('pending', 'sending')").get() as { n: number };
    if (left.n === 0) return cycles;
  }
  throw new Error(`not drained in ${budgetMs} ms after ${cycles} cycles`);
}

export function outboxStates(db: Db): Record<string, number> {
  const rows = db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as Array<{ state: string; n: number }>;
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/**
 * The county side agrees with the hall: every done record is held by the county under the same
 * receipt; the county holds nothing the hall did not send; the county saw no record out of order.
 */
export function checkAgreement(db: Db, store: CountyStore): { held: number; done: number } {
  const county = new Map(store.records().map((r) => [r.recordId, r]));
  const hall = db.prepare('SELECT record_id, state, receipt_id FROM outbox').all() as Array<{ record_id: string; state: string; receipt_id: string | null }>;
  const hallIds = new Set(hall.map((r) => r.record_id));
  for (const id of county.keys()) if (!hallIds.has(id)) throw new Error(`county holds ${id}, which the hall never made`);
  let done = 0;
  for (const r of hall) {
    if (r.state !== 'done') continue;
    done += 1;
    const held = county.get(r.record_id);
    if (!held) throw new Error(`hall marked ${r.record_id} done but the county does not hold it`);
    if (held.receiptId !== r.receipt_id) throw new Error(`receipt of ${r.record_id}: hall ${r.receipt_id}, county ${held.receiptId}`);
  }
  const { orderViolations, eagerEvents } = store.counters();
  if (orderViolations !== 0) throw new Error(`county saw ${orderViolations} records out of case order`);
  if (eagerEvents !== 0) throw new Error(`county saw ${eagerEvents} events in the same batch as the record before them`);
  return { held: county.size, done };
}

/** The county holds a prefix of each case's records, filed in seq order (by its own filing order). */
export function checkCaseOrder(store: CountyStore, byCase: Map<string, string[]>): void {
  const position = new Map(store.records().map((r, i) => [r.recordId, i]));
  for (const [caseNo, ids] of byCase) {
    const at = ids.map((id) => position.get(id));
    for (let i = 1; i < at.length; i++) {
      if (at[i] === undefined) continue;
      if (at[i - 1] === undefined) throw new Error(`case ${caseNo}: record ${i} filed without record ${i - 1}`);
      if (at[i]! <= at[i - 1]!) throw new Error(`case ${caseNo}: record ${i} filed before record ${i - 1}`);
    }
  }
}
