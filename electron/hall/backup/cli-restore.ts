// `npm run serve -- --restore FILE` (DESIGN §5, additive), and the backup taken before an upgrade
// migrates an existing database. Both run before the host opens the database for serving.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../db/connection.js';
import { resolveDatabaseKey } from '../../../db/db-key.js';
import { latestVersion, schemaVersion } from '../../../db/migrate.js';
import { CLI_ACTOR } from '../bootstrap.js';
import { BackupProblem, writeBackup } from './backup-file.js';
import { restoreHallDatabase, type RestoreSummary } from './restore.js';

/** Why a backup is refused, for the operator at the command line (zh-CN / en). */
export const REFUSAL_TEXT: Record<BackupProblem['reason'], string> = {
  not_found: '找不到备份文件 / the backup file does not exist',
  unreadable: '备份文件无法用本大厅的密钥打开：文件已损坏，或是其他大厅的备份 / the backup cannot be opened with this hall\'s key: it is damaged or another hall\'s',
  damaged: '备份文件已损坏（完整性检查或审计链未通过）/ the backup is damaged (integrity check or audit chain failed)',
  newer_schema: '备份来自更新版本的程序，请先升级程序 / the backup comes from a newer version of the program; upgrade first',
  other_hall: '这是其他大厅的备份 / this is another hall\'s backup',
  target_missing: '备份文件夹不存在（U盘或共享是否已连接？）/ the backup folder is missing (is the USB disk or share connected?)',
};

export function describeRestore(s: RestoreSummary): string {
  const lines = [`已从备份恢复 / restored from ${s.backupFile} (taken ${s.backupTakenAt ?? '?'})`];
  if (s.asideDir) lines.push(`  原数据库保存在 / the database from before is kept in ${s.asideDir}`);
  if (s.before && s.lost) {
    lines.push(
      `  审计记录 / audit trail: 恢复前 before #${s.before.auditLastId} (${s.before.auditLastAt ?? '-'}), 恢复后 after #${s.after.auditLastId} (${s.after.auditLastAt ?? '-'})`,
      `  备份之后的数据已丢失 / lost since the backup: ${s.lost.tickets} 张号票 tickets, ${s.lost.cases} 件办件 cases, ${s.lost.auditEntries} 条审计记录 audit entries`,
    );
  }
  lines.push(`  县级平台已收到、不再重发 / already at the county, not sent again: ${s.outboxAlreadySent}`);
  return `${lines.join('\n')}\n`;
}

/** Restores, or prints why not; returns 0 on success or the exit code of a refusal. */
export function restoreFromCli(dataDir: string, env: NodeJS.ProcessEnv, file: string, refusedExit: number): number {
  const { key } = resolveDatabaseKey(dataDir, env);
  try {
    const summary = restoreHallDatabase(dataDir, path.resolve(file), key, CLI_ACTOR, new Date());
    process.stdout.write(describeRestore(summary));
    return 0;
  } catch (err) {
    if (!(err instanceof BackupProblem)) throw err;
    process.stderr.write(`恢复被拒绝，未做任何更改 / restore refused, nothing was changed: ${REFUSAL_TEXT[err.reason]}\n  ${err.message}\n`);
    return refusedExit;
  }
}

/** Before migrations run on an existing database of an older version: a checked backup in `<data>/backups-before-upgrade`. */
export function backupBeforeUpgrade(db: Db, key: Buffer, dataDir: string, now: Date): string | null {
  const version = schemaVersion(db);
  if (version === 0 || version >= latestVersion()) return null;
  const folder = path.join(dataDir, 'backups-before-upgrade');
  mkdirSync(folder, { recursive: true });
  return writeBackup(db, key, folder, now).file;
}
