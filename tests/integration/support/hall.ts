// Starts a real hall service on a temporary SQLite file, listening on 127.0.0.1 with a free port.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../../db/connection.js';
import { migrate } from '../../../db/migrate.js';
import { ensureAdmin } from '../../../electron/hall/bootstrap.js';
import type { Clock } from '../../../electron/hall/clock.js';
import type { HallContext } from '../../../electron/hall/context.js';
import type { ReadPool } from '../../../electron/hall/reports/read-pool.js';
import { buildHallServer } from '../../../electron/hall/server.js';
import { createUser } from '../../../electron/hall/users/service.js';
import { SYSTEM_ACTOR } from '../../../electron/hall/http/principal.js';
import type { Role } from '../../../electron/contract/api.js';

export const ADMIN_PASSWORD = 'admin-pass-123';

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(private ms = Date.parse('2026-03-02T01:00:00Z')) {}
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface ApiResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestHall {
  base: string;
  db: Db;
  /** The key the test database is encrypted with (null: a plain one, on request). */
  dbKey: Buffer | null;
  hall: HallContext;
  /** The host's report workers (on the same database file). */
  readPool: ReadPool;
  clock: TestClock;
  dataDir: string;
  api<T = any>(method: string, url: string, options?: { token?: string; body?: unknown; lang?: string; rawBody?: string }): Promise<ApiResult<T>>;
  login(username: string, password: string): Promise<string>;
  /** Creates a user of that role (password `password-<role>`) and returns a logged-in token. */
  userToken(role: Role, username?: string): Promise<string>;
  close(): Promise<void>;
}

export interface StartHallOptions {
  rendererDir?: string | null;
  /** false: a plain database, the baseline of the encryption bench. Encrypted by default. */
  encrypted?: boolean;
  /** General report threads; by default the host's own choice (one less than the cores). */
  reportThreads?: number;
}

export async function startHall(options: StartHallOptions = {}): Promise<TestHall> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hall-test-'));
  const dbFile = path.join(dataDir, 'hall.db');
  // Encrypted like a real hall's (db/db-key.ts), so every integration test runs on the cipher.
  const dbKey = options.encrypted === false ? null : randomBytes(32);
  const db = openDatabase(dbFile, { key: dbKey });
  migrate(db);
  const clock = new TestClock();
  await ensureAdmin(db, clock, ADMIN_PASSWORD);
  const { app, hall, readPool } = await buildHallServer({ db, dbFile, dbKey, version: 'test', clock, logger: false, rendererDir: options.rendererDir ?? null, reportThreads: options.reportThreads });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const api: TestHall['api'] = async (method, url, opts = {}) => {
    const headers: Record<string, string> = { 'accept-language': opts.lang ?? 'zh-CN' };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.rawBody !== undefined) body = opts.rawBody;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(base + '/api/v1' + url, { method, headers, body });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };

  const login = async (username: string, password: string) => {
    const res = await api('POST', '/auth/login', { body: { username, password } });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token as string;
  };

  let counter = 0;
  const userToken = async (role: Role, username?: string) => {
    const name = username ?? `${role}${++counter}`;
    await createUser(db, clock, SYSTEM_ACTOR, { username: name, password: `password-${role}`, displayName: name, role });
    return login(name, `password-${role}`);
  };

  return {
    base,
    db,
    dbKey,
    hall,
    readPool: readPool!,
    clock,
    dataDir,
    api,
    login,
    userToken,
    close: async () => {
      await app.close();
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
