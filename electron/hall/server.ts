// Builds the hall service: one Fastify instance with every feature's routes, the events socket,
// the OpenAPI description and the built renderer. Plain Node: it never imports Electron.
import path from 'node:path';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { API_PREFIX, HealthResponse } from '../contract/api.js';
import { SYNC_STATUS_EVENT } from '../contract/sync.js';
import type { Db } from '../../db/connection.js';
import { schemaVersion } from '../../db/migrate.js';
import { registerAuditRoutes } from './audit/routes.js';
import { registerAuthRoutes } from './auth/routes.js';
import { registerCalendarRoutes } from './calendar/routes.js';
import { decisionHookWithEvents } from './cases/case-events.js';
import { CaseLookup } from './cases/lookup.js';
import { registerCaseRoutes } from './cases/routes.js';
import { registerTicketCaseRoutes } from './cases/ticket-cases.js';
import { registerCatalogRoutes } from './catalog/routes.js';
import { systemClock, type Clock } from './clock.js';
import type { HallContext } from './context.js';
import { registerDeviceRoutes } from './devices/routes.js';
import { EventHub } from './events/hub.js';
import { registerEventRoutes } from './events/routes.js';
import { installAuthHook } from './http/auth-hook.js';
import { installCors } from './http/cors.js';
import { frameworkError, handleClientError, installErrorHandling } from './http/error-handler.js';
import { closeConnectionsOnShutdown } from './http/close-connections.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { openApiDocument } from './http/openapi.js';
import { addRoute, type RouteSpec } from './http/route.js';
import { installStatic } from './http/static.js';
import { getSetting } from './settings/service.js';
import { createWriteCommitter } from './group-commit.js';
import { startWalCheckpointer } from './wal-checkpointer.js';
import { BackupKeeper } from './backup/backup-keeper.js';
import { registerBackupRoutes, type RestoreRequester } from './backup/routes.js';
import { registerHallSettingsRoutes } from './settings/routes.js';
import { setHallTimeZone } from '../contract/identity.js';
import { registerUserRoutes } from './users/routes.js';
import { registerVillageRoutes } from './villages/routes.js';
import { closePastDays } from './queue/day-end.js';
import { registerItemQueueRoutes } from './queue/item-queue.js';
import { registerPrintRoutes } from './queue/print-routes.js';
import { registerRatingRoutes } from './queue/rating-routes.js';
import { registerWorkOrderRoutes } from './work-orders/work-order-routes.js';
import { registerQueueSetupRoutes } from './queue/setup-routes.js';
import { registerTicketRoutes } from './queue/ticket-routes.js';
import { createReadPool, type ReadPool } from './reports/read-pool.js';
import { registerReportRoutes } from './reports/report-routes.js';
import { registerSyncRoutes } from './sync/routes.js';
import { createUploader, type Uploader, type UploaderOptions } from './sync/uploader.js';

export interface HallServerOptions {
  db: Db;
  version: string;
  clock?: Clock;
  logger?: Logger | false;
  rendererDir?: string | null;
  /** The database's file: report workers open their own read-only connections to it. Without it
   *  (an in-memory database) the report routes are not offered. */
  dbFile?: string;
  /** The key dbFile is encrypted with (db/db-key.ts); the report workers need it too. */
  dbKey?: Buffer | null;
  /** General report threads (reports/read-pool.ts): one less than the cores unless set (tests). */
  reportThreads?: number;
  /** Backups (backup/backup-keeper.ts) need the database file and its key; `requestRestore` lets the
   *  admin screen restore (the command line host restarts on the backup). */
  backup?: { dataDir: string; requestRestore?: RestoreRequester; firstCheckMs?: number; checkEveryMs?: number };
  /** Concurrent writes share one commit (group-commit.ts); on unless false (for comparison). */
  groupCommit?: boolean;
  /** The county uploader's knobs (tests); the key file lives beside the database unless secretDir says. */
  sync?: Partial<Pick<UploaderOptions, 'backoff' | 'requestTimeoutMs' | 'transportFor' | 'applyDecision' | 'firstRunDelayMs' | 'secretDir'>>;
}

export async function buildHallServer(options: HallServerOptions): Promise<{ app: FastifyInstance; hall: HallContext; readPool: ReadPool | null; uploader: Uploader }> {
  const { db, version } = options;
  const clock = options.clock ?? systemClock;
  // ID checks in the shared contract judge a birth date "today" by the hall's calendar.
  setHallTimeZone(getSetting(db, 'hall.timeZone'));
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger as FastifyBaseLogger } : { logger: false }),
    bodyLimit: 2 * 1024 * 1024,
    // Stop waiting for a silent client; a LAN request takes milliseconds.
    requestTimeout: 60_000,
    // On close, drop idle keep-alive connections but let requests in flight finish.
    forceCloseConnections: 'idle',
    // One spelling per path: no trailing-slash, double-slash, case or `;param` variants are folded
    // into a route. Whatever spelling reaches a route, its own `allow` decides (http/auth-hook.ts).
    routerOptions: { caseSensitive: true, ignoreTrailingSlash: false, ignoreDuplicateSlashes: false, maxParamLength: 200 },
    frameworkErrors: frameworkError,
    clientErrorHandler: handleClientError,
  });
  const routes: RouteSpec[] = [];
  const events = new EventHub(clock);
  // Requests the host is working on, until their reply is sent or the client is gone: the committer
  // lets the only one commit by itself (group-commit.ts). An events socket's upgrade is no such work.
  let requestsInFlight = 0;
  app.addHook('onRequest', (request, reply, done) => {
    if (!request.headers.upgrade) {
      requestsInFlight += 1;
      reply.raw.once('close', () => (requestsInFlight -= 1));
    }
    done();
  });
  const committer = createWriteCommitter(db, events, options.groupCommit ?? true, options.dbFile ? `${options.dbFile}-wal` : null, () => requestsInFlight);
  const hall: HallContext = {
    db,
    clock,
    version,
    app,
    routes,
    events,
    route: (spec) => addRoute(app, routes, spec, committer),
    write: (work) => committer.run(work),
    committer,
  };

  // After the requests in flight: their replies wait for the syncs this lets finish.
  app.addHook('onClose', () => committer.close());
  // Group commit writes on the event loop; its checkpoints go to a thread of their own.
  const checkpointer = committer.enabled && options.dbFile
    ? startWalCheckpointer(db, options.dbFile, options.dbKey ?? null, undefined, (err) => app.log.warn({ err }, 'WAL checkpoint thread'))
    : null;
  if (checkpointer) app.addHook('onClose', () => checkpointer.close());
  closeConnectionsOnShutdown(app);
  installCors(app);
  installSecurityHeaders(app);
  installErrorHandling(app);
  installAuthHook(app, db, clock);
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });

  hall.route({
    method: 'GET',
    url: '/health',
    tag: 'system',
    summary: 'Is the host up; its version and database schema version',
    allow: 'public',
    response: HealthResponse,
    handler: () => ({ ok: true, version, schemaVersion: schemaVersion(db), hallName: getSetting(db, 'hall.name') }),
  });
  registerAuthRoutes(hall);
  registerUserRoutes(hall);
  registerDeviceRoutes(hall);
  registerAuditRoutes(hall);
  registerCalendarRoutes(hall);
  registerQueueSetupRoutes(hall);
  registerHallSettingsRoutes(hall);
  registerTicketRoutes(hall);
  registerTicketCaseRoutes(hall);
  // One limiter over query-password guesses, whether they come as a lookup or as a case rating.
  const caseLookup = new CaseLookup(db, clock);
  registerRatingRoutes(hall, caseLookup);
  registerWorkOrderRoutes(hall, caseLookup);
  registerPrintRoutes(hall);
  registerCatalogRoutes(hall);
  registerItemQueueRoutes(hall);
  // Scans live in the data folder beside the database; an in-memory database keeps none.
  registerCaseRoutes(hall, options.dbFile ? path.dirname(options.dbFile) : null, caseLookup);
  registerVillageRoutes(hall, options.dbFile ? path.dirname(options.dbFile) : null);
  const readPool = options.dbFile ? createReadPool(options.dbFile, { key: options.dbKey ?? null, size: options.reportThreads }) : null;
  if (readPool) {
    registerReportRoutes(hall, readPool);
    // onClose runs after requests in flight have finished, so no report is cut off here.
    app.addHook('onClose', () => readPool.close());
  }
  // The county upload runs beside the request path, never on it (DESIGN §8).
  const secretDir = options.sync?.secretDir !== undefined ? options.sync.secretDir : options.dbFile ? path.dirname(options.dbFile) : null;
  const uploader = createUploader({
    ...options.sync,
    // County decisions move forwarded cases to decided and tell the back office (cases/case-events.ts).
    applyDecision: options.sync?.applyDecision ?? decisionHookWithEvents(db, hall.events),
    db,
    clock,
    secretDir,
    log: options.logger ? app.log : null,
    onStatus: (summary) => hall.events.publish(SYNC_STATUS_EVENT, summary, ['admin', 'supervisor']),
  });
  registerSyncRoutes(hall, uploader, secretDir);
  if (options.dbFile && options.dbKey && options.backup) {
    const keeper = new BackupKeeper({
      db, dbFile: options.dbFile, key: options.dbKey, clock, dataDir: options.backup.dataDir, log: options.logger ? app.log : null,
      firstCheckMs: options.backup.firstCheckMs, checkEveryMs: options.backup.checkEveryMs,
    });
    registerBackupRoutes(hall, keeper, options.dbKey, options.backup.requestRestore ?? null);
    keeper.start();
    app.addHook('onClose', () => keeper.stop());
  }
  app.addHook('onClose', () => uploader.stop());
  registerEventRoutes(app, db, clock, hall.events);

  app.get(`${API_PREFIX}/openapi.json`, { config: { allow: 'public' } }, () => openApiDocument(routes, version));

  if (options.rendererDir) await installStatic(app, options.rendererDir);

  // Day end: close past business days at start and then each minute (the date turns at midnight).
  const closeDays = () => {
    try {
      const closed = closePastDays(db, clock);
      if (closed.length) {
        app.log.info({ closed }, 'business days closed');
        hall.events.publish('queue.day-closed', { days: closed });
      }
    } catch (err) {
      app.log.error({ err }, 'day end failed; will retry');
    }
  };
  closeDays();
  const dayTimer = setInterval(closeDays, 60_000);
  dayTimer.unref();
  app.addHook('onClose', async () => clearInterval(dayTimer));
  uploader.start();
  return { app, hall, readPool, uploader };
}
