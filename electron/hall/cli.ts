// `npm run serve`: the headless hall host (DESIGN §5). Also what the desktop app starts in a
// utilityProcess in host mode. Prints `hall listening on http://ADDR:PORT` when ready.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../db/connection.js';
import { DatabaseFromFutureError, migrate } from '../../db/migrate.js';
import { ensureAdmin } from './bootstrap.js';
import { loadCatalogIfEmpty } from './catalog/load-catalog.js';
import { systemClock } from './clock.js';
import { CliError, parseHallArgs, USAGE } from './config.js';
import { DEMO_PASSWORD, DEMO_USERS, loadDemo } from './demo.js';
import { createLogger } from './logger.js';
import { packageJsonPath, rendererDir } from './paths.js';
import { buildHallServer } from './server.js';
import { applyCliSyncOptions } from './sync/sync-settings.js';

async function main(): Promise<void> {
  let options;
  try {
    options = parseHallArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    process.stderr.write(`${err.message}\n${USAGE}\n`);
    process.exit(2);
  }
  const dataDir = path.resolve(options.data);
  mkdirSync(dataDir, { recursive: true });
  const logger = createLogger({ level: options.logLevel, file: path.join(dataDir, 'logs', 'hall.log') });
  const version = (JSON.parse(readFileSync(packageJsonPath(), 'utf8')) as { version: string }).version;

  const dbFile = path.join(dataDir, 'hall.db');
  const db = openDatabase(dbFile);
  try {
    const applied = migrate(db);
    if (applied.length) logger.info({ applied }, 'migrations applied');
  } catch (err) {
    db.close();
    if (err instanceof DatabaseFromFutureError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(3);
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

  const { app } = await buildHallServer({ db, dbFile, version, logger, rendererDir: rendererDir() });
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
  const parentPort = (process as NodeJS.Process & { parentPort?: { on(event: 'message', cb: (e: { data: unknown }) => void): void } }).parentPort;
  parentPort?.on('message', (e) => {
    if ((e.data as { type?: string } | null)?.type === 'hall:shutdown') stop('hall:shutdown');
  });
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const base = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  // One write, so a reader that waits for the ready line also has the guide below it.
  process.stdout.write(`hall listening on ${base}\n${guide(base, generated, demo)}`);
  logger.info({ host: options.host, port, version }, 'hall ready');

}

function guide(base: string, generatedPassword: string | null, demo: Awaited<ReturnType<typeof loadDemo>> | null): string {
  const lines = [`  工作人员登录 / staff:     ${base}/`];
  if (generatedPassword) lines.push(`  管理员 admin 初始密码（只显示这一次）/ admin password (shown once): ${generatedPassword}`);
  if (demo) {
    for (const d of demo) lines.push(`  ${d.name} / ${d.page}: ${base}/${d.page}#pair=${d.token}`);
    lines.push(`  演示账号 / demo users (${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => `${u.username}(${u.role})`).join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

main().catch((err: unknown) => {
  process.stderr.write(`hall failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
