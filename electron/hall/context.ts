// What every feature's routes get: the database, the clock, the event hub and a way to add routes.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/connection.js';
import type { Clock } from './clock.js';
import type { EventHub } from './events/hub.js';
import type { RouteSpec } from './http/route.js';
import type { WriteCommitter } from './group-commit.js';

export interface HallContext {
  db: Db;
  clock: Clock;
  events: EventHub;
  version: string;
  app: FastifyInstance;
  routes: RouteSpec[];
  route<B, P, Q>(spec: RouteSpec<B, P, Q>): void;
  /** Runs a synchronous write in the next group commit (group-commit.ts); settles once it is on disk. */
  write<T>(work: () => T): Promise<T>;
  committer: WriteCommitter;
}
