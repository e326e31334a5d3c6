// Checkpoints off the request path. SQLite's automatic checkpoint runs in the COMMIT that takes the
// WAL past 1,000 pages, on the committing connection: under group commit that is the host's event
// loop, and every request of that group (and of the groups queued behind it) waited for the copy and
// its two fsyncs (16 ms on a 7200 rpm disk). With group commit on, the host's connection turns it
// off and a worker thread with its own connection checkpoints every `intervalMs` instead (PASSIVE:
// it never blocks a write), which keeps the WAL bounded (tests/bench/soak.bench.ts watches it).
// If the worker cannot start or dies, the host's connection checkpoints by itself again.
import { Worker } from 'node:worker_threads';
import type { Db } from '../../db/connection.js';
import type { CheckpointReport, CheckpointWorkerData } from './wal-checkpoint-worker.js';
import { builtWorkerFile } from './worker-file.js';

/** SQLite's own default, restored when the worker is gone. */
const AUTO_CHECKPOINT_PAGES = 1000;

export interface WalCheckpointer {
  /** Checkpoints that copied frames so far, and the largest WAL (in frames) one of them found. */
  stats(): { checkpoints: number; largestLog: number; failures: number };
  close(): Promise<void>;
}

export function startWalCheckpointer(db: Db, dbFile: string, key: Buffer | null, intervalMs = 250, onError: (error: Error) => void = () => undefined): WalCheckpointer | null {
  let worker: Worker;
  try {
    const workerData: CheckpointWorkerData = { dbFile, keyHex: key?.toString('hex') ?? null, intervalMs };
    worker = new Worker(builtWorkerFile(import.meta.url, 'wal-checkpoint-worker', ['wal-checkpoint-worker.ts']), { workerData });
  } catch (err) {
    onError(err as Error);
    return null;
  }
  worker.unref();
  const counts = { checkpoints: 0, largestLog: 0, failures: 0 };
  db.pragma('wal_autocheckpoint = 0');
  let running = true;
  const giveBack = (error: Error | null) => {
    if (!running) return;
    running = false;
    if (db.open) db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
    if (error) onError(error);
  };
  worker.on('message', (report: CheckpointReport) => {
    if (!report.ok) {
      counts.failures += 1;
      onError(new Error(`WAL checkpoint failed: ${report.error}`));
      return;
    }
    counts.checkpoints += 1;
    counts.largestLog = Math.max(counts.largestLog, report.log);
  });
  worker.on('error', (err) => giveBack(err));
  worker.on('exit', (code) => giveBack(running && code !== 0 ? new Error(`WAL checkpoint worker exited with code ${code}`) : null));
  return {
    stats: () => ({ ...counts }),
    close: async () => {
      if (!running) return;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('stop');
      // Held (not unref'ed) while it stops: on a restore from the admin screen nothing else keeps the
      // process alive between closing the server and starting again, and an unref'ed wait let it end.
      worker.ref();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
      clearTimeout(timer);
      giveBack(null);
    },
  };
}
