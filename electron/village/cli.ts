// `npm run village`: the headless village node (DESIGN §2a, §5). Prints
// `village node listening on http://ADDR:PORT` when ready; SIGTERM/SIGINT: stop, close, exit 0.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseInUseError } from '../../db/connection.js';
import { DatabaseKeyError } from '../../db/db-key.js';
import { DatabaseFromFutureError, migrate } from '../../db/migrate.js';
import { openHallDatabase } from '../../db/open-hall-database.js';
import { villageMigrations } from '../../db/village-migrations/index.js';
import { createLogger } from '../hall/logger.js';
import { packageJsonPath, rendererDir } from '../hall/paths.js';
import { BACKOFF_BASE_MS, fullJitter } from '../link/backoff.js';
import { isLoopback, parseVillageArgs, VILLAGE_DATABASE_FILES, VILLAGE_USAGE, VillageCliError } from './config.js';
import { accessKey } from './local-access.js';
import { buildVillageServer } from './server.js';

const EXIT = { usage: 2, futureDatabase: 3, wrongKey: 4, keyUnusable: 5, databaseInUse: 6 } as const;

async function main(): Promise<void> {
  let options;
  try {
    options = parseVillageArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof VillageCliError)) throw err;
    process.stderr.write(`${err.message}\n${VILLAGE_USAGE}\n`);
    process.exit(EXIT.usage);
  }
  const dataDir = path.resolve(options.data);
  mkdirSync(dataDir, { recursive: true });
  const logger = createLogger({ level: options.logLevel, file: path.join(dataDir, 'logs', 'village.log') });
  const version = (JSON.parse(readFileSync(packageJsonPath(), 'utf8')) as { version: string }).version;
  const env = { ...process.env };
  delete process.env[VILLAGE_DATABASE_FILES.keyEnv];

  let opened;
  try {
    opened = await openHallDatabase(dataDir, { env, files: VILLAGE_DATABASE_FILES, migrations: villageMigrations });
    migrate(opened.db, villageMigrations);
  } catch (err) {
    if (err instanceof DatabaseKeyError || err instanceof DatabaseInUseError || err instanceof DatabaseFromFutureError) {
      process.stderr.write(`${err.message}\n`);
      const code =
        err instanceof DatabaseKeyError
          ? err.problem === 'wrong-key'
            ? EXIT.wrongKey
            : EXIT.keyUnusable
          : err instanceof DatabaseInUseError
            ? EXIT.databaseInUse
            : EXIT.futureDatabase;
      process.exit(code);
    }
    throw err;
  }
  const { db } = opened;
  if (opened.keySource === 'created') logger.warn({ keyFile: path.join(dataDir, VILLAGE_DATABASE_FILES.keyFile) }, 'new database key file created: back it up');

  const loopback = isLoopback(options.host);
  const key = loopback ? null : accessKey(dataDir).key;
  const { app } = await buildVillageServer({
    db,
    dataDir,
    version,
    logger,
    rendererDir: rendererDir(),
    accessKey: key,
    syncIntervalMs: options.syncIntervalSeconds * 1000,
    backoff: fullJitter(Math.random, BACKOFF_BASE_MS, options.retryCapSeconds * 1000),
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
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
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const base = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  const guide = key
    ? `  其他设备打开代办页面请用此访问链接（含访问密钥） / other devices open the agent page with this access link (it carries the access key): ${base}/#key=${key}\n`
    : '';
  process.stdout.write(`village node listening on ${base}\n${guide}`);
  logger.info({ host: options.host, port, version }, 'village node ready');
}

main().catch((err: unknown) => {
  process.stderr.write(`village node failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
