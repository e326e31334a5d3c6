// Builds the village node's service (DESIGN §2a, §9): one Fastify instance on the hall's route-table
// machinery (route.ts, error handling, security headers, static pages), the node's own routes, the
// agent module's routes, and the link to the hall. Plain Node: it never imports Electron.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { API_PREFIX } from '../contract/api.js';
import { VillageHealth } from '../contract/village.js';
import type { Db } from '../../db/connection.js';
import { systemClock, type Clock } from '../hall/clock.js';
import { frameworkError, handleClientError, installErrorHandling } from '../hall/http/error-handler.js';
import { openApiDocument } from '../hall/http/openapi.js';
import { addRoute, type RouteSpec } from '../hall/http/route.js';
import { closeConnectionsOnShutdown } from '../hall/http/close-connections.js';
import { installSecurityHeaders } from '../hall/http/security-headers.js';
import { installStatic } from '../hall/http/static.js';
import type { Backoff } from '../link/backoff.js';
import { createHallLink, type HallLink, type HallLinkOptions } from './link/hall-link.js';
import { installLocalAccess } from './local-access.js';
import type { VillageNode } from './node-context.js';
import { registerAgentModule } from './agent/agent-module.js';
import { registerPairingRoutes } from './pairing/pairing-routes.js';
import { createScanStore } from './scans/scan-store.js';

/** The agent's page is the node's home. */
export const VILLAGE_PAGES: Readonly<Record<string, string>> = { '/': 'agent.html', '/agent': 'agent.html' };

export interface VillageServerOptions {
  db: Db;
  dataDir: string;
  version: string;
  clock?: Clock;
  logger?: Logger | false;
  rendererDir?: string | null;
  /** Null: loopback callers only. Otherwise callers from elsewhere present this key (local-access.ts). */
  accessKey?: string | null;
  syncIntervalMs?: number;
  backoff?: Backoff;
  linkTimeoutMs?: number;
  transportFor?: HallLinkOptions['transportFor'];
  /** Tests start the link themselves. */
  startLink?: boolean;
}

export async function buildVillageServer(options: VillageServerOptions): Promise<{ app: FastifyInstance; node: VillageNode; link: HallLink }> {
  const { db, version } = options;
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger as FastifyBaseLogger } : { logger: false }),
    bodyLimit: 2 * 1024 * 1024,
    requestTimeout: 60_000,
    forceCloseConnections: 'idle',
    routerOptions: { caseSensitive: true, ignoreTrailingSlash: false, ignoreDuplicateSlashes: false, maxParamLength: 200 },
    frameworkErrors: frameworkError,
    clientErrorHandler: handleClientError,
  });
  const scans = createScanStore(db, options.dataDir, () => clock.now());
  const link = createHallLink({
    db,
    now: () => clock.now(),
    pathOfScan: scans.pathOf,
    wipeScanFiles: () => scans.wipeFiles(),
    intervalMs: () => options.syncIntervalMs ?? 5_000,
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.linkTimeoutMs ? { timeoutMs: options.linkTimeoutMs } : {}),
    ...(options.transportFor ? { transportFor: options.transportFor } : {}),
    log: options.logger ? app.log : null,
  });
  const routes: RouteSpec[] = [];
  const node: VillageNode = {
    db,
    clock,
    dataDir: options.dataDir,
    version,
    app,
    routes,
    allow: 'public',
    route: (spec) => addRoute(app, routes, spec),
    storeScan: (bytes) => scans.storeScan(bytes),
    link: { onHallChange: link.onHallChange, onWipe: link.onWipe, trigger: link.trigger },
  };

  closeConnectionsOnShutdown(app);
  installSecurityHeaders(app);
  installErrorHandling(app);
  installLocalAccess(app, options.accessKey ?? null);

  node.route({
    method: 'GET',
    url: '/health',
    tag: 'system',
    summary: 'The node: paired, the hall reachable, when last reached, what waits to go',
    allow: 'public',
    response: VillageHealth,
    handler: () => link.health(),
  });
  node.route({
    method: 'POST',
    url: '/sync/now',
    tag: 'system',
    summary: 'Exchange with the hall now (does not wait for the exchange)',
    allow: 'public',
    status: 202,
    handler: () => ({ started: link.trigger() }),
  });
  registerPairingRoutes(node);
  // Feature modules of the node register here, one line each.
  registerAgentModule(node);

  app.get(`${API_PREFIX}/openapi.json`, { config: { allow: 'public' } }, () => openApiDocument(routes, version));
  if (options.rendererDir) await installStatic(app, options.rendererDir, VILLAGE_PAGES);
  app.addHook('onClose', () => link.stop());
  if (options.startLink !== false) link.start();
  return { app, node, link };
}
