// Writes and checks one backup on a thread of its own, with its own read-only connection: VACUUM
// INTO and the checks take seconds on a big hall, and the host goes on answering meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../../db/connection.js';
import { BackupProblem, writeBackup } from './backup-file.js';

export interface BackupJob {
  dbFile: string;
  keyHex: string;
  folder: string;
  nowIso: string;
}

export type BackupAnswer =
  | { ok: true; file: string; bytes: number; auditChecked: number; schemaVersion: number }
  | { ok: false; reason: BackupProblem['reason'] | 'failed'; message: string };

function run(job: BackupJob): BackupAnswer {
  const key = Buffer.from(job.keyHex, 'hex');
  try {
    const db = openDatabase(job.dbFile, { key, readonly: true });
    try {
      const { file, bytes, check } = writeBackup(db, key, job.folder, new Date(job.nowIso));
      return { ok: true, file, bytes, auditChecked: check.chain.checked, schemaVersion: check.schemaVersion };
    } finally {
      db.close();
    }
  } catch (err) {
    if (err instanceof BackupProblem) return { ok: false, reason: err.reason, message: err.message };
    return { ok: false, reason: 'failed', message: (err as Error).message };
  }
}

parentPort?.postMessage(run(workerData as BackupJob));
