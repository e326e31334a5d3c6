// A report worker thread: its own read-only connection to the hall database (WAL lets it read while
// the host writes), running the named queries of report-queries.ts one at a time. Heavy reads here
// cannot stall the host's single thread, which calls tickets and answers the kiosks.
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../../db/connection.js';
import { REPORTS } from './report-queries.js';

export interface ReportJob {
  id: number;
  name: string;
  params: unknown;
}

export interface ReportWorkerData {
  dbFile: string;
  /** The database key as hex (a Buffer would arrive as a plain Uint8Array); null for a plain database. */
  keyHex: string | null;
}

export type ReportAnswer = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

// Reports yield the CPU to the queue: on a two-core hall PC a report would otherwise take its share
// of time slices from the thread that calls tickets. Linux keeps a nice value per thread, so this
// lowers only this worker; on Windows and macOS the same call would lower the whole host, so it is
// left alone there.
if (process.platform === 'linux') {
  try {
    os.setPriority(0, os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not allowed in some containers: reports then run at normal priority.
  }
}

const { dbFile, keyHex } = workerData as ReportWorkerData;
const db = openDatabase(dbFile, { readonly: true, key: keyHex === null ? null : Buffer.from(keyHex, 'hex') });
db.pragma('query_only = ON');

parentPort!.on('message', (job: ReportJob) => {
  let answer: ReportAnswer;
  try {
    if (!Object.hasOwn(REPORTS, job.name)) throw new Error(`no report named ${job.name}`);
    const report = REPORTS[job.name as keyof typeof REPORTS] as (d: typeof db, params: unknown) => unknown;
    answer = { id: job.id, ok: true, result: report(db, job.params) };
  } catch (err) {
    answer = { id: job.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(answer);
});
