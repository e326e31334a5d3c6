// Scans from village nodes, in chunks with resume (DESIGN §9): each chunk is appended to a part file
// in the data folder and flushed before it is counted; the bytes on disk are the truth of how much
// arrived, so a crash between the write and the row loses nothing. Complete, the file is checked by
// its SHA-256 and renamed into scans/ beside the case scans (one place, named by hash).
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../db/connection.js';
import { get, run, sql } from '../../../db/sql.js';
import { MAX_SCAN_BYTES, MAX_SCAN_CHUNK_BYTES } from '../../contract/village.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import { HallError, validationError } from '../http/errors.js';
import type { Actor } from '../http/principal.js';

export interface ScanProgress {
  received: number;
  total: number | null;
  complete: boolean;
}

export interface ContentRange {
  start: number;
  end: number;
  total: number;
}

/** `bytes a-b/total`, inclusive; null when the header does not say that. */
export function parseContentRange(header: string | undefined): ContentRange | null {
  const m = header ? /^bytes (\d{1,12})-(\d{1,12})\/(\d{1,12})$/.exec(header.trim()) : null;
  if (!m) return null;
  const [start, end, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (end < start || end >= total) return null;
  return { start, end, total };
}

export const keptScanPath = (dataDir: string, sha256: string) => path.join(dataDir, 'scans', sha256.slice(0, 2), sha256);
const partPath = (dataDir: string, sha256: string) => path.join(dataDir, 'village-scans', `${sha256}.part`);

const sizeOf = (file: string): number => (existsSync(file) ? statSync(file).size : 0);

export function scanProgress(db: Db, dataDir: string, sha256: string): ScanProgress | null {
  const row = get<{ total: number; completed_at: string | null }>(db, sql`SELECT total, completed_at FROM village_scans WHERE sha256 = ${sha256}`);
  if (row?.completed_at && existsSync(keptScanPath(dataDir, sha256))) return { received: row.total, total: row.total, complete: true };
  if (!row) {
    // A file a clerk attached to a case is as good as one a node sent.
    const kept = keptScanPath(dataDir, sha256);
    return existsSync(kept) ? { received: sizeOf(kept), total: sizeOf(kept), complete: true } : null;
  }
  return { received: Math.min(sizeOf(partPath(dataDir, sha256)), row.total), total: row.total, complete: false };
}

/** True when the scan is kept in full (a record naming it may be accepted). */
export function scanComplete(db: Db, dataDir: string | null, sha256: string): boolean {
  if (get(db, sql`SELECT 1 FROM village_scans WHERE sha256 = ${sha256} AND completed_at IS NOT NULL`)) return true;
  return dataDir !== null && existsSync(keptScanPath(dataDir, sha256));
}

function hashFile(file: string): string {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1024 * 1024);
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function appendChunk(file: string, chunk: Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, 'a');
  try {
    writeSync(fd, chunk);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export const rangeConflict = (received: number): HallError => new HallError('conflict', 'scan_offset', { received }, { received });

/** One chunk of one scan. Throws 400 for a bad range, 409 (with the offset) for a chunk that does not
 *  start where the upload stands, 422 when the finished file is not the hash it was sent as. */
export function receiveScanChunk(db: Db, clock: Clock, actor: Actor, dataDir: string, deviceId: number, sha256: string, range: ContentRange | null, chunk: Buffer): ScanProgress {
  if (!range) throw validationError([{ field: 'content-range', code: 'invalid_format' }]);
  if (range.total > MAX_SCAN_BYTES) throw validationError([{ field: 'content-range', code: 'file_too_large', params: { max: MAX_SCAN_BYTES / 1024 / 1024 } }]);
  if (chunk.length !== range.end - range.start + 1 || chunk.length > MAX_SCAN_CHUNK_BYTES) {
    throw validationError([{ field: 'content-range', code: 'chunk_length' }]);
  }
  const before = scanProgress(db, dataDir, sha256);
  // A repeated upload of a scan already kept is answered, not stored again.
  if (before?.complete) return before;
  if (before && before.total !== range.total) throw validationError([{ field: 'content-range', code: 'scan_total_changed', params: { total: before.total ?? 0 } }]);
  const received = before?.received ?? 0;
  // Every byte arrived before a crash took the completion with it: finish it now.
  if (before && before.total !== null && received === before.total) return completeScan(db, clock, actor, dataDir, sha256, before.total);
  if (range.start !== received) throw rangeConflict(received);
  const now = clock.now().toISOString();
  if (!before) {
    db.transaction(() => {
      run(db, sql`INSERT INTO village_scans (sha256, total, received, device_id, started_at) VALUES (${sha256}, ${range.total}, 0, ${deviceId}, ${now})
                  ON CONFLICT (sha256) DO NOTHING`);
    }).immediate();
  }
  const part = partPath(dataDir, sha256);
  appendChunk(part, chunk);
  const got = sizeOf(part);
  if (got < range.total) {
    db.transaction(() => run(db, sql`UPDATE village_scans SET received = ${got} WHERE sha256 = ${sha256}`)).immediate();
    return { received: got, total: range.total, complete: false };
  }
  return completeScan(db, clock, actor, dataDir, sha256, range.total);
}

/** Checks a part file that holds every byte against its hash, keeps it under the hash's name and marks
 *  the scan complete; a file that is not the hash is thrown away (the node sends it again from 0). */
function completeScan(db: Db, clock: Clock, actor: Actor, dataDir: string, sha256: string, total: number): ScanProgress {
  const part = partPath(dataDir, sha256);
  const now = clock.now().toISOString();
  if (hashFile(part) !== sha256) {
    rmSync(part, { force: true });
    db.transaction(() => run(db, sql`DELETE FROM village_scans WHERE sha256 = ${sha256} AND completed_at IS NULL`)).immediate();
    throw new HallError('domain_rule', 'scan_hash_mismatch', {});
  }
  const kept = keptScanPath(dataDir, sha256);
  mkdirSync(path.dirname(kept), { recursive: true });
  // Atomic: a crash never leaves a half file under the hash's name.
  if (existsSync(kept)) rmSync(part, { force: true });
  else renameSync(part, kept);
  db.transaction(() => {
    run(db, sql`UPDATE village_scans SET received = total, completed_at = ${now} WHERE sha256 = ${sha256}`);
    appendAudit(db, actor, clock.now(), { action: 'village-scan', entity: 'scan', entityId: sha256, after: 'complete', detail: { size: total } });
  }).immediate();
  return { received: total, total, complete: true };
}

/**
 * How much of a scan has arrived, for the node's probe. A scan whose every byte arrived but whose
 * completion the host did not live to write (killed between the last chunk and the rename) is
 * completed here: the node takes "all bytes received" as done and sends no further chunk, so
 * otherwise the scan, and every record naming it, would wait for ever. A part file that is not the
 * hash is thrown away and the probe answers that nothing has arrived.
 */
export function settledScanProgress(db: Db, clock: Clock, actor: Actor, dataDir: string, sha256: string): ScanProgress | null {
  const progress = scanProgress(db, dataDir, sha256);
  if (!progress || progress.complete || progress.total === null || progress.received < progress.total) return progress;
  try {
    return completeScan(db, clock, actor, dataDir, sha256, progress.total);
  } catch (err) {
    if (err instanceof HallError && err.messageKey === 'scan_hash_mismatch') return null;
    throw err;
  }
}
