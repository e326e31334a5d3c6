// Scans and photos on the node: files named by their SHA-256 in <data>/scans, written aside and then
// renamed (a crash leaves a complete file or none), with a row that the link uploads before any
// record naming it. Storing the same bytes twice is one file and one row.
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../db/connection.js';
import { run, sql } from '../../../db/sql.js';
import { MAX_SCAN_BYTES } from '../../contract/village.js';

export interface ScanStore {
  /** Keeps the bytes and returns their SHA-256 (hex); the scan waits for a record to name it. */
  storeScan(bytes: Buffer): string;
  pathOf(sha256: string): string;
  /** Removes every scan file (a revoked node wipes). */
  wipeFiles(): void;
}

export function scansDir(dataDir: string): string {
  return path.join(dataDir, 'scans');
}

export function createScanStore(db: Db, dataDir: string, now: () => Date = () => new Date()): ScanStore {
  const dir = scansDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const pathOf = (sha256: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
    return path.join(dir, sha256);
  };
  return {
    storeScan(bytes) {
      if (bytes.length > MAX_SCAN_BYTES) throw new Error(`a scan may hold at most ${MAX_SCAN_BYTES} bytes`);
      const sha = createHash('sha256').update(bytes).digest('hex');
      const target = pathOf(sha);
      let present = false;
      try {
        present = statSync(target).size === bytes.length;
      } catch {
        present = false;
      }
      if (!present) {
        const aside = path.join(dir, `.${sha}.${randomUUID()}.part`);
        const fd = openSync(aside, 'w', 0o600);
        try {
          writeSync(fd, bytes);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        renameSync(aside, target);
      }
      run(db, sql`INSERT INTO scans (sha256, size, created_at) VALUES (${sha}, ${bytes.length}, ${now().toISOString()}) ON CONFLICT (sha256) DO NOTHING`);
      return sha;
    },
    pathOf,
    wipeFiles() {
      for (const name of readdirSync(dir)) rmSync(path.join(dir, name), { force: true });
    },
  };
}
