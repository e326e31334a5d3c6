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

/** Catch-up rounds after the main checkpoint of a tick (see `tick`). */
const CATCH_UP_ROUNDS = 4;

type CheckpointRow = { busy: number; log: number; checkpointed: number };
const checkpoint = () => (db.pragma('wal_checkpoint(PASSIVE)') as CheckpointRow[])[0];

// SQLite starts the WAL over (writes its next commit at the file's start, over frames already copied)
// only when a write transaction begins while every frame is already in the database file. The host
// writes while this thread copies and syncs, so under steady traffic (a ticket every few milliseconds)
// the copy always ends a few commits behind, the WAL was never started over, and it grew for as long
// as the traffic lasted: every commit appended to the file, and an fdatasync that extends a file
// also commits the file system's journal (about twice the sync of an overwrite). So after the main
// checkpoint a few short rounds copy what came in meanwhile, each only the last few commits and done
// within one sync, until one finds nothing new: then the next write starts the WAL over.
const tick = () => {
  try {
    // PASSIVE: copies what no reader still needs and never waits for or blocks the host's writes.
    let row = checkpoint();
    for (let round = 0; row && row.log > 0 && row.checkpointed === row.log && round < CATCH_UP_ROUNDS; round++) {
      const next = checkpoint();
      // Nothing came in since (caught up), or the host already started the WAL over: done.
      if (!next || next.log <= row.log) break;
      row = next;
    }
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
