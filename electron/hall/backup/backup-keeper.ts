// The hall's backups: one automatically each day into the folder the admin chose (a USB disk, a
// share), one on demand, each written and checked on a worker thread (backup-worker.ts), rotated
// (rotation.ts), and remembered with an audit row so the admin screen can say when the last good
// one was and warn when there has been none for two days.
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { Db } from '../../../db/connection.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import type { Actor } from '../http/principal.js';
import { SYSTEM_ACTOR } from '../http/principal.js';
import { getJsonSetting, setJsonSetting } from '../settings/service.js';
import { builtWorkerFile } from '../worker-file.js';
import { takenAtOfName } from './backup-file.js';
import { BACKUP_FOLDER_KEY, BACKUP_STATE_KEY, backupWarning, DAILY_MS, readBackupState, type BackupState, type BackupWarning } from './backup-state.js';
import type { BackupAnswer, BackupJob } from './backup-worker.js';
import { ensureHallIdentity } from './hall-identity.js';
import { LAST_RESTORE_KEY, type RestoreSummary } from './restore.js';
import { backupsToKeep } from './rotation.js';

export interface BackupKeeperOptions {
  db: Db;
  dbFile: string;
  key: Buffer;
  clock: Clock;
  dataDir: string;
  log?: { info(o: object, m: string): void; error(o: object, m: string): void } | null;
  /** How often the keeper looks whether the day's backup is due (tests shorten it). */
  checkEveryMs?: number;
  /** The first look after start. */
  firstCheckMs?: number;
}

export interface BackupListEntry {
  name: string;
  takenAt: string;
  bytes: number;
}

export interface BackupStatus {
  folder: string;
  folderExists: boolean;
  warning: BackupWarning;
  state: BackupState;
  backups: BackupListEntry[];
  lastRestore: RestoreSummary | null;
  running: boolean;
}

export function backupWorkerFile(): string {
  return builtWorkerFile(import.meta.url, 'backup-worker', ['backup-worker.ts', 'backup-file.ts', 'hall-identity.ts']);
}

const isFolder = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

export class BackupKeeper {
  private running: Promise<BackupAnswer> | null = null;
  private timers: NodeJS.Timeout[] = [];
  private readonly sinceMs: number;

  constructor(private readonly o: BackupKeeperOptions) {
    this.sinceMs = o.clock.now().getTime();
    ensureHallIdentity(o.db, o.clock);
    // The folder beside the database always exists; a chosen one (a USB disk) is the admin's to plug in.
    if (this.folder() === this.defaultFolder) mkdirSync(this.defaultFolder, { recursive: true });
  }

  get defaultFolder(): string {
    return path.join(this.o.dataDir, 'backups');
  }

  folder(): string {
    return getJsonSetting(this.o.db, BACKUP_FOLDER_KEY, z.string().min(1), this.defaultFolder);
  }

  setFolder(folder: string, actor: Actor): void {
    const { db, clock } = this.o;
    db.transaction(() => {
      const before = this.folder();
      setJsonSetting(db, clock, BACKUP_FOLDER_KEY, folder);
      appendAudit(db, actor, clock.now(), { action: 'backup-folder', entity: 'setting', entityId: BACKUP_FOLDER_KEY, detail: { before, after: folder } });
    }).immediate();
  }

  list(): BackupListEntry[] {
    const folder = this.folder();
    if (!isFolder(folder)) return [];
    const entries: BackupListEntry[] = [];
    for (const name of readdirSync(folder)) {
      const takenAt = takenAtOfName(name);
      if (!takenAt) continue;
      try {
        entries.push({ name, takenAt: takenAt.toISOString(), bytes: statSync(path.join(folder, name)).size });
      } catch {
        // removed meanwhile
      }
    }
    return entries.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  }

  status(): BackupStatus {
    const folder = this.folder();
    const folderExists = isFolder(folder);
    const state = readBackupState(this.o.db);
    return {
      folder,
      folderExists,
      warning: backupWarning(state, folderExists, this.o.clock.now().getTime(), this.sinceMs),
      state,
      backups: this.list(),
      lastRestore: getJsonSetting<RestoreSummary | null>(this.o.db, LAST_RESTORE_KEY, z.any(), null),
      running: this.running !== null,
    };
  }

  /** One backup now (or the one already under way). */
  runNow(actor: Actor): Promise<BackupAnswer> {
    this.running ??= this.write(actor).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  start(): void {
    const check = () => {
      const last = readBackupState(this.o.db).lastGood;
      if (!last || this.o.clock.now().getTime() - Date.parse(last.at) >= DAILY_MS) void this.runNow(SYSTEM_ACTOR);
    };
    const first = setTimeout(check, this.o.firstCheckMs ?? 60_000);
    const every = setInterval(check, this.o.checkEveryMs ?? 10 * 60_000);
    first.unref();
    every.unref();
    this.timers.push(first, every);
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
    await this.running?.catch(() => undefined);
  }

  private async write(actor: Actor): Promise<BackupAnswer> {
    const { db, clock } = this.o;
    const folder = this.folder();
    if (folder === this.defaultFolder) mkdirSync(folder, { recursive: true });
    const now = clock.now();
    const job: BackupJob = { dbFile: this.o.dbFile, keyHex: this.o.key.toString('hex'), folder, nowIso: now.toISOString() };
    const answer = await runWorker(job);
    db.transaction(() => {
      const state = readBackupState(db);
      const next: BackupState = answer.ok
        ? { ...state, lastGood: { file: path.basename(answer.file), at: now.toISOString(), bytes: answer.bytes } }
        : { ...state, lastFailure: { at: now.toISOString(), reason: answer.reason, message: answer.message.slice(0, 500) } };
      setJsonSetting(db, clock, BACKUP_STATE_KEY, next);
      appendAudit(db, actor, clock.now(), {
        action: answer.ok ? 'backup' : 'backup-failed',
        entity: 'database',
        entityId: null,
        detail: answer.ok ? { file: path.basename(answer.file), bytes: answer.bytes, auditChecked: answer.auditChecked } : { reason: answer.reason },
      });
    }).immediate();
    if (answer.ok) {
      this.o.log?.info({ file: answer.file, bytes: answer.bytes }, 'backup written and checked');
      this.rotate(folder);
    } else {
      this.o.log?.error({ reason: answer.reason, message: answer.message }, 'backup failed');
    }
    return answer;
  }

  private rotate(folder: string): void {
    const dated = this.list().map((b) => ({ name: b.name, takenAt: new Date(b.takenAt) }));
    const keep = backupsToKeep(dated);
    for (const b of dated) if (!keep.has(b.name)) rmSync(path.join(folder, b.name), { force: true });
  }
}

function runWorker(job: BackupJob): Promise<BackupAnswer> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(backupWorkerFile(), { workerData: job });
    } catch (err) {
      resolve({ ok: false, reason: 'failed', message: (err as Error).message });
      return;
    }
    let answered = false;
    worker.once('message', (answer: BackupAnswer) => {
      answered = true;
      resolve(answer);
    });
    worker.once('error', (err) => {
      answered = true;
      resolve({ ok: false, reason: 'failed', message: err.message });
    });
    worker.once('exit', (code) => {
      if (!answered) resolve({ ok: false, reason: 'failed', message: `backup worker exited with ${code}` });
    });
  });
}
