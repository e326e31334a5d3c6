// A small pool of report worker threads. The host is one Node thread and better-sqlite3 is
// synchronous, so a month-long report run on the host's own connection would hold up every call-next
// and every kiosk for its whole duration; in a worker it only takes a core.
//
// Besides the general slots there is an express slot that only short reports (the dashboard) may
// take, so a supervisor's dashboard never waits behind someone's year report; they also go ahead of
// the queue. A report whose caller went away (the HTTP client closed the request) is dropped if
// still queued, and its thread ended if running, so ten clicks never leave ten reports running.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { builtWorkerFile } from '../worker-file.js';
import type { ReportName, ReportParams, ReportResult } from './report-queries.js';
import type { ReportAnswer, ReportJob, ReportWorkerData } from './report-worker.js';

export class ReportError extends Error {
  constructor(
    message: string,
    /** timeout: took too long; busy: too many waiting; closed: the host is stopping; aborted: the
     *  caller went away; failed: the query broke. */
    readonly reason: 'timeout' | 'busy' | 'closed' | 'aborted' | 'failed',
  ) {
    super(message);
    this.name = 'ReportError';
  }
}

export interface ReadPoolOptions {
  /** General worker threads; by default one less than the cores (the host keeps one), at least one, at most four. */
  size?: number;
  /** Threads only express reports may use, beside the general ones (default 1). They run at the
   *  workers' lowered priority too, so on a two-core hall PC the queue's thread still comes first. */
  expressSlots?: number;
  /** The caller's whole wait, queueing included. */
  timeoutMs?: number;
  maxQueued?: number;
  workerFile?: string;
  /** The database key (db/db-key.ts), handed to each worker in its workerData. */
  key?: Buffer | null;
}

/** The compiled worker next to this module (from dist/ under vitest: worker-file.ts). */
export function reportWorkerFile(): string {
  return builtWorkerFile(import.meta.url, 'report-worker', ['report-worker.ts', 'report-queries.ts']);
}

export interface RunOptions {
  /** The caller's whole wait, queueing included (the pool's timeout unless set). */
  timeoutMs?: number;
  /** Aborted when the caller gives up (its HTTP request closed): the report is dropped or stopped. */
  signal?: AbortSignal;
  /** A short report (the dashboard): it goes ahead of the queue and may take an express slot. */
  express?: boolean;
}

interface Job {
  id: number;
  name: string;
  params: unknown;
  express: boolean;
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
  /** Stops listening to the caller's signal. */
  release(): void;
}

interface Slot {
  /** Takes express reports only. */
  express: boolean;
  worker: Worker | null;
  job: Job | null;
  /** A timed-out worker still finishing its query: the slot stays empty until it exits, so at most
   *  `size` report threads ever compete with the host for the cores. */
  retiring: boolean;
}

export class ReadPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private readonly timeoutMs: number;
  private readonly maxQueued: number;
  private workerFile: string | undefined;
  private readonly key: Buffer | null;
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly dbFile: string,
    options: ReadPoolOptions = {},
  ) {
    const size = options.size ?? Math.min(4, Math.max(1, os.availableParallelism() - 1));
    const slot = (express: boolean): Slot => ({ express, worker: null, job: null, retiring: false });
    this.slots = [...Array.from({ length: size }, () => slot(false)), ...Array.from({ length: options.expressSlots ?? 1 }, () => slot(true))];
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxQueued = options.maxQueued ?? 20;
    this.workerFile = options.workerFile;
    this.key = options.key ?? null;
  }

  /** The general slots (express slots not counted). */
  get size(): number {
    return this.slots.filter((s) => !s.express).length;
  }

  /** Reports running and waiting now, and threads still ending a stopped report. */
  get load(): { running: number; queued: number; retiring: number } {
    return { running: this.slots.filter((s) => s.job).length, queued: this.queue.length, retiring: this.slots.filter((s) => s.retiring).length };
  }

  run<N extends ReportName>(name: N, params: ReportParams<N>, options: RunOptions = {}): Promise<ReportResult<N>> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const { signal } = options;
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new ReportError('the report pool is closed', 'closed'));
      if (signal?.aborted) return reject(new ReportError('the caller went away', 'aborted'));
      if (this.queue.length >= this.maxQueued) return reject(new ReportError(`${this.queue.length} reports are already waiting`, 'busy'));
      const id = this.nextId++;
      const timer = setTimeout(() => this.abandon(id, new ReportError(`the report took longer than ${timeoutMs} ms`, 'timeout')), timeoutMs);
      const onAbort = () => this.abandon(id, new ReportError('the caller went away', 'aborted'));
      signal?.addEventListener('abort', onAbort, { once: true });
      const release = () => signal?.removeEventListener('abort', onAbort);
      this.queue.push({ id, name, params, express: options.express ?? false, resolve: resolve as (v: unknown) => void, reject, timer, release });
      this.dispatch();
    });
  }

  /** Stops taking reports, lets running ones finish for up to `graceMs`, then ends the threads. */
  async close(graceMs = 5000): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.settle(job, new ReportError('the report pool is closed', 'closed'));
    const running = () => this.slots.some((s) => s.job !== null);
    const until = Date.now() + graceMs;
    while (running() && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    for (const slot of this.slots) {
      if (slot.job) this.settle(slot.job, new ReportError('the report pool is closed', 'closed'));
      slot.job = null;
      // Not awaited: a thread inside a long native query exits only when the query returns; it is
      // unref'ed, so it cannot keep the process alive.
      void slot.worker?.terminate();
      slot.worker = null;
    }
  }

  /** The job a free slot takes next: the first express one, else (a general slot) the first of all. */
  private nextFor(slot: Slot): Job | undefined {
    const express = this.queue.findIndex((j) => j.express);
    const at = express >= 0 ? express : slot.express ? -1 : 0;
    return at >= 0 ? this.queue.splice(at, 1)[0] : undefined;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.job || slot.retiring) continue;
      const job = this.nextFor(slot);
      if (!job) continue;
      try {
        slot.worker ??= this.spawn(slot);
      } catch (err) {
        this.settle(job, new ReportError((err as Error).message, 'failed'));
        continue;
      }
      slot.job = job;
      slot.worker.postMessage({ id: job.id, name: job.name, params: job.params } satisfies ReportJob);
    }
  }

  private spawn(slot: Slot): Worker {
    this.workerFile ??= reportWorkerFile();
    const workerData: ReportWorkerData = { dbFile: this.dbFile, keyHex: this.key?.toString('hex') ?? null };
    const worker = new Worker(this.workerFile, { workerData });
    worker.unref();
    worker.on('message', (answer: ReportAnswer) => {
      if (slot.worker !== worker || slot.job?.id !== answer.id) return;
      const job = slot.job;
      slot.job = null;
      this.settle(job, answer.ok ? null : new ReportError(answer.error, 'failed'), answer.ok ? answer.result : undefined);
      this.dispatch();
    });
    // A worker that cannot open the database or dies: its report fails, the next one gets a new thread.
    const lost = (error: Error) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      if (slot.job) this.settle(slot.job, new ReportError(error.message, 'failed'));
      slot.job = null;
      this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`report worker exited with code ${code}`)));
    return worker;
  }

  /** Ends a report the caller no longer waits for (too slow, or gone): dropped from the queue, or
   *  its thread terminated; the slot takes no other report until that thread has exited. */
  private abandon(id: number, error: ReportError): void {
    const queued = this.queue.findIndex((j) => j.id === id);
    if (queued >= 0) return this.settle(this.queue.splice(queued, 1)[0]!, error);
    const slot = this.slots.find((s) => s.job?.id === id);
    if (!slot) return;
    this.settle(slot.job!, error);
    slot.job = null;
    const worker = slot.worker;
    slot.worker = null;
    if (!worker) return this.dispatch();
    slot.retiring = true;
    void worker.terminate().finally(() => {
      slot.retiring = false;
      this.dispatch();
    });
  }

  private settle(job: Job, error: Error | null, value?: unknown): void {
    clearTimeout(job.timer);
    job.release();
    if (error) job.reject(error);
    else job.resolve(value);
  }
}

export function createReadPool(dbFile: string, options: ReadPoolOptions = {}): ReadPool {
  return new ReadPool(dbFile, options);
}
