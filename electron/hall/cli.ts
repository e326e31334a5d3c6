// `npm run serve`: the headless hall host (DESIGN §5). Also what the desktop app starts in a
// utilityProcess in host mode. Prints `hall listening on http://ADDR:PORT` when ready.
import os from 'node:os';
import { reachableBases } from './lan-addresses.js';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { DatabaseInUseError } from '../../db/connection.js';
import { databaseFileState, DB_KEY_ENV, DB_KEY_FILE, DatabaseKeyError } from '../../db/db-key.js';
import { DatabaseFromFutureError, migrate } from '../../db/migrate.js';
import { openHallDatabase, type OpenedHallDatabase } from '../../db/open-hall-database.js';
import { backupBeforeUpgrade, restoreFromCli } from './backup/cli-restore.js';
import { ensureAdmin, resetAdminPassword } from './bootstrap.js';
import { loadCatalogIfEmpty } from './catalog/load-catalog.js';
import { systemClock } from './clock.js';
import { CliError, parseHallArgs, USAGE } from './config.js';
import { DEMO_PASSWORD, DEMO_USERS, loadDemo } from './demo.js';
import { createLogger } from './logger.js';
import { packageJsonPath, rendererDir } from './paths.js';
import { buildHallServer } from './server.js';
import { applyCliSyncOptions } from './sync/sync-settings.js';

/** Exit codes a wrapper can tell apart (README, "Command line"). */
const EXIT = { usage: 2, futureDatabase: 3, wrongKey: 4, keyUnusable: 5, databaseInUse: 6, restoreRefused: 7 } as const;

/** Opens the hall database with its key, or prints why not and exits with its own code. */
async function openOrExit(dataDir: string, env: NodeJS.ProcessEnv, exclusive: boolean): Promise<OpenedHallDatabase> {
  try {
    return await openHallDatabase(dataDir, { env, exclusive });
  } catch (err) {
    if (err instanceof DatabaseKeyError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(err.problem === 'wrong-key' ? EXIT.wrongKey : EXIT.keyUnusable);
    }
    if (err instanceof DatabaseInUseError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(EXIT.databaseInUse);
    }
    if (err instanceof DatabaseFromFutureError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(EXIT.futureDatabase);
    }
    throw err;
  }
}

/**
 * `--reset-admin-password`. Needs the data folder and its key, that is, the host PC itself. The
 * database is taken exclusively, so it is refused while the host runs: the running host would
 * keep the admin's sessions and its login lock-out in memory.
 */
async function resetAdminFromCli(dataDir: string, env: NodeJS.ProcessEnv, password: string | null, logger: Logger): Promise<number> {
  if (databaseFileState(path.join(dataDir, 'hall.db')) === 'absent') {
    process.stderr.write(`${dataDir} 中没有大厅数据库 / there is no hall database in ${dataDir}\n`);
    return EXIT.usage;
  }
  const { db } = await openOrExit(dataDir, env, true);
  try {
    try {
      migrate(db);
    } catch (err) {
      if (!(err instanceof DatabaseFromFutureError)) throw err;
      process.stderr.write(`${err.message}\n`);
      return EXIT.futureDatabase;
    }
    const reset = await resetAdminPassword(db, systemClock, password);
    logger.warn({ userId: reset.userId, created: reset.created, sessionsEnded: reset.sessionsEnded }, 'admin password reset from the command line');
    const shown = password === null ? `\n  新密码（只显示这一次）/ new password (shown once): ${reset.password}` : '';
    process.stdout.write(
      `管理员 admin 的密码已重置，账号已启用，原有登录已结束 / the admin password was reset, the account enabled and its sessions ended${shown}\n`,
    );
    return 0;
  } finally {
    db.close();
    logger.flush();
  }
}

/** `restart`: the host starts again in this process after a restore from the admin screen. */
async function main(restart: { port: number } | null = null): Promise<void> {
  let options;
  try {
    options = parseHallArgs(process.argv.slice(2));
    if (restart) options = { ...options, port: restart.port, restore: null };
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    process.stderr.write(`${err.message}\n${USAGE}\n`);
    process.exit(EXIT.usage);
  }
  const dataDir = path.resolve(options.data);
  mkdirSync(dataDir, { recursive: true });
  const logger = createLogger({ level: options.logLevel, file: path.join(dataDir, 'logs', 'hall.log') });
  const version = (JSON.parse(readFileSync(packageJsonPath(), 'utf8')) as { version: string }).version;

  // Taken out of the environment at once, so no thread or process started later inherits the key;
  // the report workers get it explicitly.
  const env = { ...process.env };
  delete process.env[DB_KEY_ENV];

  if (options.resetAdminPassword) {
    process.exit(await resetAdminFromCli(dataDir, env, options.adminPassword, logger));
  }

  if (options.restore) {
    let restored: number;
    try {
      restored = restoreFromCli(dataDir, env, options.restore, EXIT.restoreRefused);
    } catch (err) {
      if (!(err instanceof DatabaseInUseError)) throw err;
      process.stderr.write(`${err.message}\n`);
      process.exit(EXIT.databaseInUse);
    }
    if (restored !== 0) process.exit(restored);
  }

  const opened = await openOrExit(dataDir, env, false);
  const { db, dbFile, key: dbKey } = opened;
  if (opened.keySource === 'created') logger.warn({ keyFile: path.join(dataDir, DB_KEY_FILE) }, 'new database key file created: back it up, the database cannot be read without it');
  if (opened.encrypted) {
    logger.warn({ backupFile: opened.encrypted.backupFile, tables: opened.encrypted.tables }, 'plain database encrypted; its plain backup is kept, delete it once the hall works');
    process.stdout.write(
      `数据库已加密；加密前的明文备份保存在 ${opened.encrypted.backupFile}，确认大厅工作正常后请删除 / ` +
        `database encrypted; the plain backup from before is at ${opened.encrypted.backupFile}, delete it once the hall works\n`,
    );
  }
  try {
    // An upgrade's migrations run on a copy's worth of safety: the desktop upgrade relies on it.
    const before = backupBeforeUpgrade(db, dbKey, dataDir, new Date());
    if (before) logger.warn({ backupFile: before }, 'database backed up before migrating to a newer version');
    const applied = migrate(db);
    if (applied.length) logger.info({ applied }, 'migrations applied');
  } catch (err) {
    db.close();
    if (err instanceof DatabaseFromFutureError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(EXIT.futureDatabase);
    }
    throw err;
  }
  // The county flags are stored (the key sealed, never logged), so the admin screen shows what is in use.
  applyCliSyncOptions(db, systemClock, dataDir, {
    countyUrl: options.countyUrl,
    countyKey: options.countyKey,
    hallCode: options.hallCode,
    intervalSeconds: options.syncIntervalGiven ? options.syncIntervalSeconds : null,
  });
  const generated = await ensureAdmin(db, systemClock, options.adminPassword);
  const loadedItems = loadCatalogIfEmpty(db, systemClock);
  if (loadedItems) logger.info({ items: loadedItems }, 'catalogue loaded from resources');
  const demo = options.demo ? await loadDemo(db, systemClock) : null;

  // A restore from the admin screen: stop, put the backup in place (checked again), start again here.
  let restoreNext: string | null = null;
  let restartPort = options.port;
  const requestRestore = (file: string) => {
    restoreNext = file;
    // Taken while still listening: the host comes back on the same port (a port 0 start included).
    const address = app.server.address();
    if (typeof address === 'object' && address) restartPort = address.port;
    stop('restore');
  };
  const { app, hall } = await buildHallServer({
    db, dbFile, dbKey, version, logger, rendererDir: rendererDir(), groupCommit: options.groupCommit,
    backup: { dataDir, requestRestore },
  });
  // Handlers go in before the ready line: a signal that comes with no handler kills the process outright.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    // close() stops accepting, lets requests in flight finish, then the database is closed cleanly.
    app
      .close()
      .then(() => {
        db.close();
        if (restoreNext) {
          restoreFromCli(dataDir, env, restoreNext, EXIT.restoreRefused);
          logger.warn({ backupFile: restoreNext }, 'restored from a backup at the admin\'s request; starting again');
          return main({ port: restartPort });
        }
        logger.info('stopped');
        logger.flush();
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'error while stopping');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // In Electron's utilityProcess (host mode) the main process asks by message: on Windows a kill
  // would end the process without closing the database.
  // It also asks how many terminals hold an event socket, to say so before the host is quit.
  type ParentPort = { on(event: 'message', cb: (e: { data: unknown }) => void): void; postMessage(message: unknown): void };
  const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
  parentPort?.on('message', (e) => {
    const type = (e.data as { type?: string } | null)?.type;
    if (type === 'hall:shutdown') stop('hall:shutdown');
    if (type === 'hall:count-terminals') parentPort.postMessage({ type: 'hall:terminals', count: hall.events.connections });
  });
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const base = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  // One write, so a reader that waits for the ready line also has the guide below it.
  // The ready line names the listen address (DESIGN §5); the links below are ones other PCs can open.
  const [lanBase, ...otherBases] = reachableBases(options.host, port, os.networkInterfaces());
  const others = otherBases.length ? `  其他地址 / also at: ${otherBases.join('  ')}\n` : '';
  process.stdout.write(`hall listening on ${base}\n${guide(lanBase!, generated, demo)}${others}`);
  logger.info({ host: options.host, port, version }, 'hall ready');

}

function guide(base: string, generatedPassword: string | null, demo: Awaited<ReturnType<typeof loadDemo>> | null): string {
  const lines = [`  工作人员登录 / staff:     ${base}/`];
  if (generatedPassword) lines.push(`  管理员 admin 初始密码（只显示这一次）/ admin password (shown once): ${generatedPassword}`);
  if (demo) {
    for (const d of demo.filter((p) => p.page !== 'village')) lines.push(`  ${d.name} / ${d.page}: ${base}/${d.page}#pair=${d.token}`);
    for (const d of demo.filter((p) => p.page === 'village')) {
      lines.push(
        `  村代办点 / village node (${d.name}): npm run village -- --data ./village-data --port 8630` +
          ` → http://127.0.0.1:8630/ 大厅地址 / hall ${base} 配对码 / pairing code ${d.token}`,
      );
    }
    lines.push(`  演示账号 / demo users (${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => `${u.username}(${u.role})`).join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

main().catch((err: unknown) => {
  process.stderr.write(`hall failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
