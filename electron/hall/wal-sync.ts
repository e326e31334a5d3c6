// Puts the WAL on the disk without stopping the event loop. Group commits are written with
// synchronous=NORMAL (their COMMIT only hands the pages to the OS); this module then fdatasyncs the
// WAL file on libuv's thread pool, one sync at a time, each covering every commit written before it
// started. While one sync waits on the disk the host goes on answering and applies the next groups,
// which the following sync takes along. A commit counts as durable only once a sync that began
// after it has returned, so a reply that waits for `whenSynced` is never sent for a write a power
// cut could still take back. The WAL keeps commits in order (each frame is checksummed over the ones
// before it), so a later commit on the disk means every earlier one is there too.
import fs from 'node:fs';

export class WalSyncError extends Error {
  constructor(cause: unknown) {
    super('the write-ahead log could not be synced to the disk; the write may not survive a power cut', { cause });
    this.name = 'WalSyncError';
  }
}

interface Waiter {
  upTo: number;
  settle(error: WalSyncError | null): void;
}

export class WalSync {
  private written = 0;
  private synced = 0;
  private inFlight = false;
  private readonly waiters: Waiter[] = [];
  private idle: (() => void) | null = null;

  private constructor(private fd: number | null) {}

  /** The WAL of an open WAL-mode database; null when it cannot be opened (no WAL: commit as before). */
  static open(walFile: string): WalSync | null {
    try {
      // Read-write: Windows flushes only a handle that may write.
      return new WalSync(fs.openSync(walFile, 'r+'));
    } catch {
      return null;
    }
  }

  /** A commit has just been written to the WAL; returns its number and starts a sync if none runs. */
  committed(): number {
    this.written += 1;
    this.kick();
    return this.written;
  }

  /** A commit has just been written and nothing else is owed: syncs it at once on this thread (the
   *  event loop waits), sparing a lone commit the round trip through the thread pool. */
  committedAndSynced(): WalSyncError | null {
    if (this.pending || this.inFlight || this.fd === null) throw new Error('a sync is owed or running: use committed()');
    this.written += 1;
    try {
      fs.fdatasyncSync(this.fd);
      return null;
    } catch (err) {
      // As in kick(): a failed sync is not retried for this commit.
      return new WalSyncError(err);
    } finally {
      this.synced = this.written;
    }
  }

  /** Commits written and not yet known to be on the disk. */
  get pending(): boolean {
    return this.synced < this.written;
  }

  /** Calls `settle` once commit `upTo` (by default every commit written so far) is on the disk, or
   *  with the error of the sync that should have put it there. */
  whenSynced(settle: (error: WalSyncError | null) => void, upTo = this.written): void {
    if (upTo <= this.synced) settle(null);
    else this.waiters.push({ upTo, settle });
  }

  /** Waits for the sync in flight and the ones still owed, then lets the file go. */
  async close(): Promise<void> {
    while (this.inFlight || this.pending) await new Promise<void>((resolve) => (this.idle = resolve));
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  private kick(): void {
    if (this.inFlight || this.fd === null || !this.pending) return;
    const upTo = this.written;
    this.inFlight = true;
    fs.fdatasync(this.fd, (err) => {
      this.inFlight = false;
      // A failed sync is not retried for these commits: after an fsync error the kernel may already
      // have dropped the pages, so a later success would prove nothing about them.
      this.synced = upTo;
      const error = err ? new WalSyncError(err) : null;
      while (this.waiters.length > 0 && this.waiters[0]!.upTo <= upTo) this.waiters.shift()!.settle(error);
      this.kick();
      if (!this.inFlight && this.idle) {
        const resolve = this.idle;
        this.idle = null;
        resolve();
      }
    });
  }
}
