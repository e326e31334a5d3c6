// The uploader (DESIGN §8): runs in the host process on a timer and on demand, never on a request's
// path. Each cycle: choose a batch (one short transaction) → HTTP to the county with a deadline (no
// transaction open) → apply the results (one short transaction), until nothing is due or the county
// stops answering; then pull the county's decisions. A slow or dead county only delays the upload.
import type { Db } from '../../../db/connection.js';
import { get, sql } from '../../../db/sql.js';
import type { SyncStatus, SyncSummary } from '../../contract/sync.js';
import type { Clock } from '../clock.js';
import { fullJitter, type Backoff } from '../../link/backoff.js';
import { drainOutbox } from '../../link/drain.js';
import { createLinkRunner } from '../../link/runner.js';
import { COUNTY_OUTBOX, resetSending, type OutboxRow } from './batch-select.js';
import { COUNTY_TIMEOUT_MS, httpCountyTransport } from './county-http.js';
import { pullDecisions } from './decision-pull.js';
import { applyCountyDecision, applyPendingDecisions, type ApplyCountyDecision } from './decisions.js';
import { hallTime } from './hall-time.js';
import { syncStatus, syncSummary } from './status.js';
import { countyConnection, storedSync } from './sync-settings.js';
import { clearFailing, clearPaused, recordFailure, recordSuccess, setPaused, syncState } from './sync-state.js';
import { exchangeError, type CountyConnection, type CountyTransport } from './transport.js';

/** 500 batches of 200: a week offline of a busy hall, in one cycle. */
const MAX_BATCHES_PER_CYCLE = 500;

export interface UploaderLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface UploaderOptions {
  db: Db;
  clock: Clock;
  /** The data folder holding the key file; null (an in-memory database) means no county key can be kept. */
  secretDir: string | null;
  log?: UploaderLog | null;
  /** Called after every cycle (the host publishes `sync.status`). */
  onStatus?: (summary: SyncSummary) => void;
  backoff?: Backoff;
  requestTimeoutMs?: number;
  /** The county adapter for a connection; the format of DESIGN §8 unless a test or county says otherwise. */
  transportFor?: (connection: CountyConnection, timeoutMs: number) => CountyTransport;
  applyDecision?: ApplyCountyDecision;
  firstRunDelayMs?: number;
  batchSize?: number;
}

export interface CycleReport {
  skipped: 'not_configured' | 'key_unreadable' | 'paused' | 'stopped' | null;
  batches: number;
  done: number;
  rejected: number;
  retried: number;
  decisionsReceived: number;
}

export interface Uploader {
  /** Puts SENDING rows back to pending (nothing is in flight at start) and schedules the first cycle. */
  start(): void;
  /** One cycle now, waiting for it; a manual cycle also lifts a 401/403 pause. */
  runCycle(options?: { manual?: boolean }): Promise<CycleReport>;
  /** Starts a manual cycle unless one is running; does not wait. */
  trigger(): boolean;
  /** The settings changed: the next cycle follows the new interval. */
  reschedule(): void;
  summary(): SyncSummary;
  status(): SyncStatus;
  readonly running: boolean;
  stop(): Promise<void>;
}

const emptyReport = (skipped: CycleReport['skipped'] = null): CycleReport => ({ skipped, batches: 0, done: 0, rejected: 0, retried: 0, decisionsReceived: 0 });

export function createUploader(options: UploaderOptions): Uploader {
  const { db, clock, secretDir } = options;
  const log = options.log ?? null;
  const backoff = options.backoff ?? fullJitter();
  const timeoutMs = options.requestTimeoutMs ?? COUNTY_TIMEOUT_MS;
  const transportFor = options.transportFor ?? httpCountyTransport;
  const applyDecision = options.applyDecision ?? applyCountyDecision;
  let lastPublished = '';

  // Without opening the key: the status is asked for often, and an unreadable key shows as lastError.
  const configured = () => {
    const s = storedSync(db);
    return secretDir !== null && s.countyUrl !== null && s.countyKeySealed !== null;
  };

  /** 'ok' when the county answered usably (or nothing was due); decisions are pulled only then. */
  async function upload(connection: CountyConnection, transport: CountyTransport, report: CycleReport, signal: AbortSignal): Promise<'ok' | 'failed' | 'unauthorized'> {
    const drained = await drainOutbox<OutboxRow>({
      db,
      spec: COUNTY_OUTBOX,
      now: () => clock.now(),
      backoff,
      maxBatches: MAX_BATCHES_PER_CYCLE,
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
      stopped: () => runner.stopped,
      send: (rows, now) => transport.sendBatch({ hallCode: connection.hallCode, sentAt: hallTime(now), records: rows }, signal),
      // The results and the uploader's state commit together: one fsync per answered batch.
      recordOutcome: (outcome, counts, after) => {
        if (outcome.kind === 'unauthorized') {
          recordFailure(db, after, exchangeError('unauthorized', String(outcome.status)));
          setPaused(db, after);
        } else if (outcome.kind === 'failed') {
          recordFailure(db, after, outcome.error);
          log?.warn({ error: outcome.error.code, detail: outcome.error.detail }, 'county upload failed; will retry');
        } else if (counts.done + counts.rejected === 0) {
          recordFailure(db, after, exchangeError('bad_reply', 'no usable results'));
        } else {
          recordSuccess(db, after);
        }
      },
    });
    report.batches += drained.batches;
    report.done += drained.done;
    report.rejected += drained.rejected;
    report.retried += drained.retried;
    if (drained.result === 'unauthorized') {
      log?.warn({ status: drained.refusal?.status }, 'county refused the key; upload paused until the settings change');
      return 'unauthorized';
    }
    if (!get(db, sql`SELECT 1 FROM outbox WHERE state IN ('pending', 'sending') LIMIT 1`)) clearFailing(db);
    return drained.result;
  }

  async function cycle(manual: boolean, signal: AbortSignal): Promise<CycleReport> {
    const found = countyConnection(db, secretDir);
    if (!found.ok) {
      if (found.reason === 'key_unreadable') recordFailure(db, clock.now(), exchangeError('key_unreadable', null), { failing: false });
      return emptyReport(found.reason);
    }
    if (syncState(db).paused_at !== null) {
      if (!manual) return emptyReport('paused');
      clearPaused(db);
    }
    const report = emptyReport();
    const transport = transportFor(found.connection, timeoutMs);
    const uploaded = await upload(found.connection, transport, report, signal);
    // A county that is failing the upload is not asked for decisions too; its error stays the one shown.
    if (uploaded === 'ok' && !runner.stopped) {
      const pulled = await pullDecisions(db, clock, transport, found.connection.hallCode, signal, applyDecision);
      report.decisionsReceived = pulled.received;
      if (pulled.kind === 'unauthorized') {
        recordFailure(db, clock.now(), exchangeError('unauthorized', String(pulled.status)));
        setPaused(db, clock.now());
      } else if (pulled.kind === 'failed') {
        recordFailure(db, clock.now(), exchangeError('decisions_failed', pulled.error.code), { failing: false });
      }
    }
    if (!runner.stopped) applyPendingDecisions(db, clock.now(), applyDecision);
    if (report.batches > 0) log?.info({ ...report }, 'county upload cycle');
    return report;
  }

  const runner = createLinkRunner<CycleReport>({
    cycle,
    empty: (reason) => emptyReport(reason === 'stopped' ? 'stopped' : null),
    intervalMs: () => storedSync(db).intervalSeconds * 1000,
    onError: (err) => log?.error({ err }, 'county upload cycle failed'),
    // A database error mid-cycle must not strand records in SENDING until the next start.
    recover: () => resetSending(db),
    settled: () => {
      try {
        // Only changes are pushed: an idle or unconfigured hall stays quiet on the events socket.
        const now = summary();
        const key = JSON.stringify({ ...now, running: false });
        if (key !== lastPublished) {
          lastPublished = key;
          options.onStatus?.(now);
        }
      } catch (err) {
        log?.error({ err }, 'sync status could not be published');
      }
    },
  });

  function summary(): SyncSummary {
    return syncSummary(db, clock.now(), { running: runner.running, configured: configured() });
  }

  return {
    start() {
      const reset = resetSending(db);
      if (reset) log?.info({ records: reset }, 'records left SENDING by the last run are pending again');
      // Soon after start: a hall back from a week offline should not wait a whole interval.
      runner.start(options.firstRunDelayMs ?? 200);
    },
    runCycle: (cycleOptions) => runner.runCycle(cycleOptions),
    trigger: () => runner.trigger(),
    reschedule: () => runner.reschedule(),
    summary,
    status: () => syncStatus(db, clock.now(), { running: runner.running, configured: configured() }),
    get running() {
      return runner.running;
    },
    stop: () => runner.stop(),
  };
}
