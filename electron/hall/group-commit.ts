// Group commit: write requests that arrive while earlier ones wait for the disk share the next
// commit instead of each paying an fsync of its own.
//
// The driver is synchronous and the event loop single-threaded. The first write queued schedules
// the next group with setImmediate: by then the loop's poll phase has read every request that came
// in meanwhile, and their synchronous service calls run one after another in one BEGIN IMMEDIATE …
// COMMIT, each in its own savepoint (a request that fails is rolled back to it, so one request's
// error touches no other). On a database file that COMMIT runs with synchronous=NORMAL, which only
// hands the WAL pages to the OS; wal-sync.ts then fdatasyncs the WAL on the thread pool. So the
// loop never waits for the disk: while one sync is on its way, the next groups are applied and
// committed, and the following sync takes them along. Replies and the events a group published are
// released only once a sync that began after its COMMIT has returned: nothing is acknowledged
// before it is on the disk. A write that is the host's only request, with no sync on its way, has its
// WAL fdatasynced at once on the loop instead: nothing is there to share the sync, and the thread pool
// would only lengthen its reply. Everything else on the connection (writes outside a group) keeps
// synchronous=FULL. The one connection writes every group in turn, so the one-ticket-one-window
// order stays exactly serial.
import type { Db } from '../../db/connection.js';
import type { EventHub, HeldEvents } from './events/hub.js';
import { WalSync } from './wal-sync.js';

export interface WriteCommitter {
  readonly enabled: boolean;
  /** Runs a synchronous write (a service call, its audit and outbox rows) in the next group; the
   *  promise settles once the commit that holds it is on the disk. */
  run<T>(work: () => T): Promise<T>;
  /** Null when every commit so far is on the disk; otherwise settles once they are (a reply that
   *  read the database waits for it, so it never shows a write that could still be lost). */
  durable(): Promise<void> | null;
  /** Groups committed and writes they held, since start. */
  stats(): { groups: number; writes: number; largest: number };
  /** Waits for the syncs still owed and lets the WAL file go (the host is stopping). */
  close(): Promise<void>;
}

interface Job {
  work: () => unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class GroupAbortedError extends Error {
  constructor(cause: unknown) {
    super('the database ended the group transaction; the write was not committed', { cause });
    this.name = 'GroupAbortedError';
  }
}

/** `walFile`: the database's `-wal` file, synced off the event loop; null (an in-memory database, or
 *  one the WAL cannot be opened for): each group's COMMIT syncs itself, as one commit per request does.
 *  `requestsInFlight`: how many requests the host is working on; a write commits by itself only while
 *  it is the one (unknown: never). */
export function createWriteCommitter(
  db: Db,
  events: EventHub | null,
  enabled: boolean,
  walFile: string | null = null,
  requestsInFlight: () => number = () => Infinity,
): WriteCommitter {
  let queue: Job[] = [];
  let scheduled = false;
  const counts = { groups: 0, writes: 0, largest: 0 };
  const wal = enabled && walFile ? WalSync.open(walFile) : null;
  /** Set once the host stops: groups still to come sync in their own COMMIT. */
  let stopping = false;

  const runAlone = <T>(work: () => T): Promise<T> => {
    try {
      return Promise.resolve(work());
    } catch (err) {
      return Promise.reject(err);
    }
  };

  const failAll = (jobs: Job[], batch: HeldEvents | null, error: unknown) => {
    if (batch) events?.drop(batch);
    for (const job of jobs) job.reject(error);
  };

  const settle = (jobs: Job[], outcomes: Outcome[], batch: HeldEvents | null) => {
    if (batch) events?.release(batch);
    jobs.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  };

  const runOne = (job: Job): Outcome => {
    db.exec('SAVEPOINT group_write');
    try {
      const value = job.work();
      // A handler that answers with a promise goes on after an await, outside this transaction; its
      // reply awaits it once the group is on the disk. Mark it handled now, so a rejection in the
      // meantime is not reported as unhandled (the awaiting reply still receives it).
      if (value instanceof Promise) value.catch(() => undefined);
      db.exec('RELEASE group_write');
      return { ok: true, value };
    } catch (error) {
      // What the request wrote before it failed is undone, as a failed request's whole transaction
      // would be on its own; the requests before it in the group keep theirs.
      if (db.inTransaction) db.exec('ROLLBACK TO group_write; RELEASE group_write');
      return { ok: false, error };
    }
  };

  /** Applies the jobs in one transaction; the outcomes, or null when the group had to be given up.
   *  `beforeCommit` runs inside the transaction once every job is applied. */
  const applyAndCommit = (jobs: Job[], beforeCommit: () => void): { outcomes: Outcome[] } | { error: unknown } => {
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      return { error };
    }
    const outcomes: Outcome[] = [];
    for (const job of jobs) {
      // SQLite rolled the whole group back (disk full, I/O error): nothing in it may be acknowledged.
      if (!db.inTransaction) return { error: new GroupAbortedError(outcomes.find((o) => !o.ok)) };
      outcomes.push(runOne(job));
    }
    try {
      if (!db.inTransaction) throw new GroupAbortedError(null);
      beforeCommit();
      db.exec('COMMIT');
      return { outcomes };
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      return { error };
    }
  };

  /** The one request in the host, with no sync on its way: its commit is synced at once on the loop. It
   *  has no one to share a sync with, and the thread pool would only add two trips between threads to
   *  its reply. With other requests about, the loop stays free during the sync, so theirs can share it. */
  const syncsAlone = (jobs: Job[], syncer: WalSync): boolean => jobs.length === 1 && !syncer.pending && requestsInFlight() <= 1;

  const flush = () => {
    scheduled = false;
    const jobs = queue;
    queue = [];
    if (jobs.length === 0) return;
    const syncer = stopping ? null : wal;
    events?.hold();
    // Only this group's COMMIT leaves the sync to wal-sync.ts; the setting cannot change inside a
    // transaction, so it is set around it.
    if (syncer) db.exec('PRAGMA synchronous = NORMAL');
    // The group's events are sealed just before its COMMIT, so the figures they carry (the waiting
    // counts) are read inside the transaction, which sees the group's writes: a read of its own after
    // the COMMIT would begin a read transaction, two lock calls to the kernel per statement. If the
    // COMMIT then fails, the sealed batch is dropped like any failed group's.
    let batch: HeldEvents | null = null;
    let sealed = false;
    const seal = () => {
      sealed = true;
      batch = events?.seal() ?? null;
    };
    let result: ReturnType<typeof applyAndCommit>;
    try {
      result = applyAndCommit(jobs, seal);
    } finally {
      if (syncer) db.exec('PRAGMA synchronous = FULL');
    }
    if (!sealed) seal();
    if ('error' in result) {
      failAll(jobs, batch, result.error);
      return;
    }
    counts.groups += 1;
    counts.writes += jobs.length;
    counts.largest = Math.max(counts.largest, jobs.length);
    if (!syncer) {
      settle(jobs, result.outcomes, batch);
      return;
    }
    const done = (error: unknown) => (error ? failAll(jobs, batch, error) : settle(jobs, result.outcomes, batch));
    if (syncsAlone(jobs, syncer)) done(syncer.committedAndSynced());
    else syncer.whenSynced(done, syncer.committed());
  };

  return {
    enabled,
    run<T>(work: () => T): Promise<T> {
      // Off, or called from inside a transaction (a tool, a test): today's one commit per write.
      if (!enabled || db.inTransaction) return runAlone(work);
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    durable() {
      if (!wal?.pending) return null;
      return new Promise<void>((resolve, reject) => wal.whenSynced((error) => (error ? reject(error) : resolve())));
    },
    stats: () => ({ ...counts }),
    close: async () => {
      stopping = true;
      await wal?.close();
    },
  };
}
