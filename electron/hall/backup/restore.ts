// Putting a backup back: checked first (readable with this hall's key, integrity_check, audit chain,
// not from a newer program, not another hall's), the current database kept aside, the backup put in
// its place, and the numbers it would give again raised past what the hall already gave. The hall
// is told what the backup does not hold (from the database kept aside). The host is not running.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../../../db/connection.js';
import { latestVersion } from '../../../db/migrate.js';
import { all, get, run, sql } from '../../../db/sql.js';
import { appendAudit } from '../audit/chain.js';
import type { Actor } from '../http/principal.js';
import { BackupProblem, inspectBackup, syncFolder, type BackupCheck } from './backup-file.js';
import { readHallIdentity } from './hall-identity.js';

export const LAST_RESTORE_KEY = 'backup.lastRestore';

interface Snapshot {
  auditLastId: number;
  auditLastAt: string | null;
  tickets: number;
  cases: number;
}

export interface RestoreSummary {
  backupFile: string;
  backupTakenAt: string | null;
  restoredAt: string;
  /** Where the database from before the restore was kept. */
  asideDir: string | null;
  before: Snapshot | null;
  after: Snapshot;
  /** Written after the backup and not in it: gone from the hall (still readable in asideDir). */
  lost: { auditEntries: number; tickets: number; cases: number } | null;
  /** Outbox records the county already had (done before the restore): marked done, not sent again. */
  outboxAlreadySent: number;
}

interface CurrentHall {
  identity: string | null;
  hallCode: string | null;
}

const hasTable = (db: Db, name: string) => get(db, sql`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ${name}`) !== undefined;
// Table names from these fixed lists only, never from input.
const count = (db: Db, table: 'tickets' | 'cases', afterId = 0) =>
  hasTable(db, table) ? (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE id > ?`).get(afterId) as { n: number }).n : 0;
const maxId = (db: Db, table: 'tickets' | 'cases') =>
  hasTable(db, table) ? ((db.prepare(`SELECT max(id) AS m FROM ${table}`).get() as { m: number | null }).m ?? 0) : 0;

function snapshot(db: Db): Snapshot {
  const last = get<{ id: number; at: string }>(db, sql`SELECT id, at FROM audit_log ORDER BY id DESC LIMIT 1`);
  return { auditLastId: last?.id ?? 0, auditLastAt: last?.at ?? null, tickets: count(db, 'tickets'), cases: count(db, 'cases') };
}

const DEFAULT_CODE = '000000000';

/** Throws BackupProblem when the file must not replace this hall's database. */
export function checkBackupForRestore(file: string, key: Buffer, current: CurrentHall | null): BackupCheck {
  const check = inspectBackup(file, key);
  if (check.schemaVersion > latestVersion()) {
    throw new BackupProblem('newer_schema', `${file} is at schema version ${check.schemaVersion}, newer than this program's ${latestVersion()}`);
  }
  if (current) {
    const otherIdentity = current.identity !== null && check.hallIdentity !== null && current.identity !== check.hallIdentity;
    const codes = [current.hallCode, check.hallCode].filter((c) => c !== null && c !== DEFAULT_CODE);
    const otherCode = codes.length === 2 && codes[0] !== codes[1];
    if (otherIdentity || otherCode) {
      throw new BackupProblem('other_hall', `${file} is a backup of another hall (code ${check.hallCode ?? '?'}, this hall ${current.hallCode ?? '?'})`);
    }
  }
  return check;
}

/** Identity and code of the database in place, or null when there is none (or it cannot be read). */
export function currentHallOf(db: Db): CurrentHall {
  const code = get<{ value: string }>(db, sql`SELECT value FROM settings WHERE key = 'hall.code'`);
  return { identity: readHallIdentity(db), hallCode: code ? (JSON.parse(code.value) as string) : null };
}

function stamp(d: Date): string {
  return d.toISOString().replaceAll(':', '').replaceAll('-', '').slice(0, 15);
}

/** Raises the day counters past the numbers the hall gave before the restore, so none is given twice. */
function carryCounters(restored: Db, aside: Db): void {
  for (const table of ['queue_numbers', 'case_numbers'] as const) {
    if (!hasTable(restored, table) || !hasTable(aside, table)) continue;
    const rows = aside.prepare(`SELECT * FROM ${table}`).all() as Array<Record<string, string | number>>;
    for (const r of rows) {
      if (table === 'queue_numbers') {
        run(restored, sql`INSERT INTO queue_numbers (business_day, category_id, last_seq) SELECT ${r.business_day}, ${r.category_id}, ${r.last_seq}
                          WHERE EXISTS (SELECT 1 FROM queue_categories WHERE id = ${r.category_id})
                          ON CONFLICT (business_day, category_id) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)`);
      } else {
        run(restored, sql`INSERT INTO case_numbers (business_day, last_seq) VALUES (${r.business_day}, ${r.last_seq})
                          ON CONFLICT (business_day) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)`);
      }
    }
  }
}

/** Outbox rows waiting in the backup that the county had acknowledged before the restore. */
function carryOutboxReceipts(restored: Db, aside: Db): number {
  if (!hasTable(restored, 'outbox') || !hasTable(aside, 'outbox')) return 0;
  const waiting = all<{ record_id: string }>(restored, sql`SELECT record_id FROM outbox WHERE state IN ('pending', 'sending')`);
  const lookup = aside.prepare(`SELECT done_at, receipt_id, last_sent_at, attempts FROM outbox WHERE record_id = ? AND state = 'done'`);
  let marked = 0;
  for (const { record_id: recordId } of waiting) {
    const done = lookup.get(recordId) as { done_at: string; receipt_id: string; last_sent_at: string | null; attempts: number } | undefined;
    if (!done) continue;
    run(restored, sql`UPDATE outbox SET state = 'done', done_at = ${done.done_at}, receipt_id = ${done.receipt_id},
                      last_sent_at = ${done.last_sent_at}, attempts = ${done.attempts} WHERE record_id = ${recordId}`);
    marked += 1;
  }
  return marked;
}

/**
 * Replaces `<dataDir>/hall.db` with the backup. The host must not be running (the caller holds no
 * connection). Throws BackupProblem, having changed nothing, when the backup is refused.
 */
export function restoreHallDatabase(dataDir: string, backupFile: string, key: Buffer, actor: Actor, now: Date): RestoreSummary {
  const dbFile = path.join(dataDir, 'hall.db');
  let current: CurrentHall | null = null;
  if (existsSync(dbFile)) {
    try {
      const db = openDatabase(dbFile, { key, exclusive: true });
      try {
        current = currentHallOf(db);
        // Everything into the main file, so the database kept aside is one file.
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
    } catch (err) {
      if ((err as { name?: string }).name === 'DatabaseInUseError') throw err;
      current = null; // a damaged database is exactly what a restore is for
    }
  }
  const check = checkBackupForRestore(path.resolve(backupFile), key, current);

  let asideDir: string | null = null;
  if (existsSync(dbFile)) {
    asideDir = path.join(dataDir, `before-restore-${stamp(now)}`);
    mkdirSync(asideDir, { recursive: true });
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(dbFile + suffix)) renameSync(dbFile + suffix, path.join(asideDir, `hall.db${suffix}`));
    }
  }
  const incoming = `${dbFile}.restoring`;
  rmSync(incoming, { force: true });
  copyFileSync(backupFile, incoming);
  renameSync(incoming, dbFile);
  syncFolder(dataDir);

  const restored = openDatabase(dbFile, { key });
  const aside = asideDir ? safeOpen(path.join(asideDir, 'hall.db'), key) : null;
  try {
    const before = aside ? snapshot(aside) : null;
    const after = snapshot(restored);
    const lost = aside
      ? {
          auditEntries: Math.max(0, (before?.auditLastId ?? 0) - after.auditLastId),
          tickets: count(aside, 'tickets', maxId(restored, 'tickets')),
          cases: count(aside, 'cases', maxId(restored, 'cases')),
        }
      : null;
    const summary: RestoreSummary = {
      backupFile: path.resolve(backupFile),
      backupTakenAt: check.meta?.takenAt ?? null,
      restoredAt: now.toISOString(),
      asideDir,
      before,
      after,
      lost,
      outboxAlreadySent: 0,
    };
    restored
      .transaction(() => {
        if (aside) {
          carryCounters(restored, aside);
          summary.outboxAlreadySent = carryOutboxReceipts(restored, aside);
        }
        run(
          restored,
          sql`INSERT INTO settings (key, value, updated_at) VALUES (${LAST_RESTORE_KEY}, ${JSON.stringify(summary)}, ${summary.restoredAt})
              ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        );
        appendAudit(restored, actor, now, {
          action: 'database-restore',
          entity: 'database',
          entityId: null,
          detail: { backupFile: path.basename(backupFile), backupTakenAt: summary.backupTakenAt, lost, before, outboxAlreadySent: summary.outboxAlreadySent },
        });
      })
      .immediate();
    return summary;
  } finally {
    aside?.close();
    restored.close();
  }
}

function safeOpen(file: string, key: Buffer): Db | null {
  try {
    return openDatabase(file, { key, readonly: true });
  } catch {
    return null;
  }
}
