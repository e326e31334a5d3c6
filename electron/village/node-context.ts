// What every module of the village node gets: its database, clock, data folder, a way to add routes
// to the one route table, the scan store, and the link's registration points (hall changes, wipe).
// Business modules never get the sender itself: only these callbacks (DESIGN §2a).
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/connection.js';
import type { Clock } from '../hall/clock.js';
import type { Allow } from '../hall/http/principal.js';
import type { RouteSpec } from '../hall/http/route.js';
import type { HallChangeHandler } from './link/changes-feed.js';
import type { WipeHook } from './link/wipe.js';

export interface VillageNode {
  db: Db;
  clock: Clock;
  dataDir: string;
  version: string;
  app: FastifyInstance;
  routes: RouteSpec[];
  /** The rule every node route uses (local-access.ts decides who that is). */
  allow: Allow;
  route<B, P, Q>(spec: RouteSpec<B, P, Q>): void;
  /** Keeps a scan or photo (written aside, then renamed); returns its SHA-256. */
  storeScan(bytes: Buffer): string;
  link: {
    /** Called inside the transaction that stores each new change from the hall; must be idempotent. */
    onHallChange(handler: HallChangeHandler): void;
    /** Called inside the wipe transaction of a revoked node: delete the module's records. */
    onWipe(hook: WipeHook): void;
    /** A link cycle now (does not wait). */
    trigger(): boolean;
  };
}
