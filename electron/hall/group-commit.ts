// Group commit: write requests that arrive while a commit is on its way to the disk share the next
// commit instead of each paying an fsync of its own.
//
// The driver is synchronous and the event loop single-threaded, so a COMMIT (with its fsync) blocks
// the loop; the requests that arrive meanwhile wait in their sockets. The first write queued after
// a commit schedules the next group with setImmediate: by then the loop's poll phase has read every
// request that came in during the previous commit, and their synchronous service calls run one
// after another in one BEGIN IMMEDIATE … COMMIT, each in its own savepoint. Replies are released
// only after that COMMIT has returned (synchronous=FULL: the WAL is on the disk), and events the
// group published reach the sockets only then. Measured against a commit on a worker thread this
// needs no second connection and keeps the one-ticket-one-window order exactly serial.
import type { Db } from '../../db/connection.js';
import type { EventHub } from './events/hub.js';

export interface WriteCommitter {
  readonly enabled: boolean;
  /** Runs a synchronous write (a service call, its audit and outbox rows) in the next group; the
   *  promise settles once the commit that holds it is on the disk. */
  run<T>(work: () => T): Promise<T>;
  /** Groups committed and writes they held, since start. */
  stats(): { groups: number; writes: number; largest: number };
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

export function createWriteCommitter(db: Db, events: EventHub | null, enabled: boolean): WriteCommitter {
  let queue: Job[] = [];
  let scheduled = false;
  const counts = { groups: 0, writes: 0, largest: 0 };

  const runAlone = <T>(work: () => T): Promise<T> => {
    try {
      return Promise.resolve(work());
    } catch (err) {
      return Promise.reject(err);
    }
  };

  const failAll = (jobs: Job[], error: unknown) => {
    events?.dropHeld();
    for (const job of jobs) job.reject(error);
  };

  const runOne = (job: Job): Outcome => {
    db.exec('SAVEPOINT group_write');
    try {
      const value = job.work();
      db.exec('RELEASE group_write');
      return { ok: true, value };
    } catch (error) {
      // The service's own transactions (savepoints here) have already undone their part; what the
      // request committed before it failed stays, as it would have without the group.
      if (db.inTransaction) db.exec('RELEASE group_write');
      return { ok: false, error };
    }
  };

  const flush = () => {
    scheduled = false;
    const jobs = queue;
    queue = [];
    if (jobs.length === 0) return;
    events?.hold();
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (err) {
      failAll(jobs, err);
      return;
    }
    const outcomes: Outcome[] = [];
    for (const job of jobs) {
      if (!db.inTransaction) {
        // SQLite rolled the whole group back (disk full, I/O error): nothing in it may be acknowledged.
        failAll(jobs, new GroupAbortedError(outcomes.find((o) => !o.ok)));
        return;
      }
      outcomes.push(runOne(job));
    }
    try {
      if (!db.inTransaction) throw new GroupAbortedError(null);
      db.exec('COMMIT');
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      failAll(jobs, err);
      return;
    }
    counts.groups += 1;
    counts.writes += jobs.length;
    counts.largest = Math.max(counts.largest, jobs.length);
    events?.releaseHeld();
    jobs.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
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
    stats: () => ({ ...counts }),
  };
}
