// Scans go to the hall before the records that name them (DESIGN §9): HEAD says how much arrived, PUT
// sends the rest in chunks of at most 1 MiB with Content-Range, so a link that drops every few seconds
// still gets a 10 MB scan through without starting over. The hall checks the SHA-256 at the end.
import { closeSync, openSync, readSync } from 'node:fs';
import type { Db } from '../../../db/connection.js';
import { all, run, sql } from '../../../db/sql.js';
import { MAX_SCAN_CHUNK_BYTES } from '../../contract/village.js';
import type { Backoff } from '../../link/backoff.js';
import { exchangeError, type ExchangeError } from '../../link/outcome.js';
import type { HallTransport, Refused } from './hall-transport.js';

interface DueScan {
  sha256: string;
  size: number;
  attempts: number;
}

export interface ScanUploadReport {
  sent: number;
  bytes: number;
  result: 'ok' | 'failed' | 'unauthorized';
  error: ExchangeError | null;
  refusal: Refused | null;
}

/** Scans named by a record still to go, due now, in the order their records were made. */
function dueScans(db: Db, nowMs: number, limit: number): DueScan[] {
  return all<DueScan>(
    db,
    sql`SELECT s.sha256, s.size, s.attempts FROM scans s
        JOIN (SELECT rs.sha256, min(o.id) AS first FROM link_record_scans rs JOIN link_outbox o ON o.id = rs.outbox_id
              WHERE o.state IN ('pending', 'sending') GROUP BY rs.sha256) r ON r.sha256 = s.sha256
        WHERE s.state = 'pending' AND s.next_attempt_at <= ${nowMs}
        ORDER BY r.first LIMIT ${limit}`,
  );
}

function readChunk(file: string, start: number, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, start);
    return read === length ? buffer : buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

export interface ScanUploadOptions {
  db: Db;
  transport: HallTransport;
  pathOf(sha256: string): string;
  now: () => Date;
  backoff: Backoff;
  signal: AbortSignal;
  chunkBytes?: number;
  maxScans?: number;
}

export async function uploadScans(options: ScanUploadOptions): Promise<ScanUploadReport> {
  const { db, transport, signal } = options;
  const chunk = Math.min(options.chunkBytes ?? MAX_SCAN_CHUNK_BYTES, MAX_SCAN_CHUNK_BYTES);
  const report: ScanUploadReport = { sent: 0, bytes: 0, result: 'ok', error: null, refusal: null };
  const markDone = (sha: string) => run(db, sql`UPDATE scans SET state = 'done', done_at = ${options.now().toISOString()} WHERE sha256 = ${sha}`);
  const retryLater = (scan: DueScan) =>
    run(db, sql`UPDATE scans SET attempts = attempts + 1, next_attempt_at = ${options.now().getTime() + options.backoff(scan.attempts + 1)} WHERE sha256 = ${scan.sha256}`);
  for (const scan of dueScans(db, options.now().getTime(), options.maxScans ?? 1000)) {
    if (signal.aborted) break;
    const probe = await transport.probeScan(scan.sha256, signal);
    if (probe.kind === 'unauthorized') return { ...report, result: 'unauthorized', refusal: probe };
    if (probe.kind === 'failed') {
      retryLater(scan);
      return { ...report, result: 'failed', error: probe.error };
    }
    let offset = Math.min(probe.bytes, scan.size);
    let finished = offset === scan.size;
    while (!finished && !signal.aborted) {
      const bytes = readChunk(options.pathOf(scan.sha256), offset, Math.min(chunk, scan.size - offset));
      const put = await transport.putChunk(scan.sha256, offset, bytes, scan.size, signal);
      if (put.kind === 'unauthorized') return { ...report, result: 'unauthorized', refusal: put };
      if (put.kind === 'failed') {
        retryLater(scan);
        return { ...report, result: 'failed', error: put.error };
      }
      if (put.kind === 'mismatch') {
        // The hall threw the upload away; the file here is named by its hash, so try again later.
        retryLater(scan);
        return { ...report, result: 'failed', error: exchangeError('bad_reply', 'scan checksum refused') };
      }
      if (put.kind === 'offset' && put.received === offset) {
        // The hall wants the chunk we sent from where we sent it, and refused it: do not spin.
        retryLater(scan);
        return { ...report, result: 'failed', error: exchangeError('bad_reply', 'scan offset refused') };
      }
      if (put.kind === 'stored') report.bytes += bytes.length;
      offset = Math.min(put.received, scan.size);
      finished = offset === scan.size;
    }
    if (finished) {
      markDone(scan.sha256);
      report.sent += 1;
    }
  }
  return report;
}
