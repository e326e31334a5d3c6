// The checkpoint thread (wal-checkpointer.ts): its own connection copies the WAL back into the
// database file every so often, so the host's connection never does it inside a COMMIT on the event
// loop, where its writes and two fsyncs held up every request waiting on that group.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/connection.js';

export interface CheckpointWorkerData {
  dbFile: string;
  /** The database key as hex; null for a plain database. */
  keyHex: string | null;
  intervalMs: number;
}

/** After each checkpoint that had frames to copy: how many the WAL held and how many are now in the database. */
export type CheckpointReport = { ok: true; log: number; checkpointed: number } | { ok: false; error: string };

const { dbFile, keyHex, intervalMs } = workerData as CheckpointWorkerData;
// synchronous=FULL (openDatabase): the checkpoint syncs the database file before it lets the host
// start the WAL over, so a restarted WAL never drops a commit the database file does not yet hold.
const db = openDatabase(dbFile, { key: keyHex === null ? null : Buffer.from(keyHex, 'hex') });
db.pragma('wal_autocheckpoint = 0');

const tick = () => {
  try {
    // PASSIVE: copies what no reader still needs and never waits for or blocks the host's writes.
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
    if (row && row.log > 0) parentPort!.postMessage({ ok: true, log: row.log, checkpointed: row.checkpointed } satisfies CheckpointReport);
  } catch (err) {
    parentPort!.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) } satisfies CheckpointReport);
  }
};
const timer = setInterval(tick, intervalMs);
parentPort!.on('message', (message: 'stop') => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort!.close();
});
