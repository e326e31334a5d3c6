// Personal data at rest (issue 8): the built host (`dist/electron/hall/cli.js`) as a real process on a
// real data folder. The ID number of a case never reaches the disk in the clear, the host reads it
// back after a restart, a wrong key changes nothing, a plain database from before is encrypted with
// a plain backup kept, and `--reset-admin-password` works from the host only and is audited.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { DB_KEY_ENV } from '../../db/db-key.js';
import { migrate } from '../../db/migrate.js';
import { ensureAdmin } from '../../electron/hall/bootstrap.js';
import { loadCatalogIfEmpty } from '../../electron/hall/catalog/load-catalog.js';
import { systemClock } from '../../electron/hall/clock.js';
import { buildHallServer } from '../../electron/hall/server.js';
import { call, CLI, openHostDatabase, startHostProcess, type HostProcess } from './support/host-process.js';

const ID_NUMBER = '11010519491231002X';
const MOBILE = '13812345678';
const ADMIN_PASSWORD = 'enc-admin-pass-1';
const CLERK_PASSWORD = 'enc-clerk-pass-1';
const PERSON = { kind: 'person', name: '王芳', idType: 'resident_id', idNumber: ID_NUMBER, mobile: MOBILE };

const dirs: string[] = [];
const hosts: HostProcess[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hall-enc-'));
  dirs.push(dir);
  return dir;
}

async function start(data: string, extra: string[] = []): Promise<HostProcess> {
  const host = await startHostProcess(['--data', data, '--admin-password', ADMIN_PASSWORD, '--log-level', 'warn', ...extra]);
  hosts.push(host);
  return host;
}

async function stop(host: HostProcess): Promise<void> {
  host.child.kill('SIGTERM');
  expect(await host.exited).toBe(0);
}

/** Every file of the folder with its SHA-256, to prove a refused start wrote nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** Files of the folder whose bytes contain the text (UTF-8). */
function filesContaining(dir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  return Object.keys(snapshot(dir)).filter((f) => readFileSync(path.join(dir, f)).includes(needle));
}

function runCli(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env });
}

async function clerkCase(base: string, admin: string): Promise<{ id: number; caseNo: string }> {
  const created = await call(base, 'POST', '/users', admin, { username: 'clerk-enc', password: CLERK_PASSWORD, displayName: '窗口一', role: 'clerk' });
  expect(created.status).toBe(201);
  const clerk = (await call(base, 'POST', '/auth/login', null, { username: 'clerk-enc', password: CLERK_PASSWORD })).body.token as string;
  const itemCode = (await call(base, 'GET', '/items', clerk)).body[0].code as string;
  const res = await call(base, 'POST', '/cases', clerk, { itemCode, applicant: PERSON, materials: [] });
  expect(res.status).toBe(201);
  return { id: res.body.id, caseNo: res.body.caseNo };
}

async function login(base: string, password: string): Promise<{ status: number; token: string | undefined }> {
  const res = await call(base, 'POST', '/auth/login', null, { username: 'admin', password });
  return { status: res.status, token: res.body?.token };
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/ is missing: run `npm run build:node` first');
});
afterEach(async () => {
  for (const h of hosts.splice(0)) {
    if (h.child.exitCode === null) {
      h.child.kill('SIGKILL');
      await h.exited;
    }
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('encryption at rest', () => {
  it('keeps a case ID number out of every file of the data folder, and reads it back after a restart', async () => {
    const data = tempDir();
    let host = await start(data);
    const admin = (await login(host.base, ADMIN_PASSWORD)).token!;
    const { id } = await clerkCase(host.base, admin);

    // While the host runs, the case is in the WAL: encrypted there too.
    expect(existsSync(path.join(data, 'hall.db-wal'))).toBe(true);
    expect(statSync(path.join(data, 'hall.db-wal')).size).toBeGreaterThan(0);
    expect(filesContaining(data, ID_NUMBER)).toEqual([]);
    expect(filesContaining(data, MOBILE)).toEqual([]);
    await stop(host);
    // Stopped: the WAL was checkpointed into the database file, which holds it encrypted.
    expect(existsSync(path.join(data, 'hall.db-wal'))).toBe(false);
    expect(readFileSync(path.join(data, 'hall.db')).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(filesContaining(data, ID_NUMBER)).toEqual([]);
    expect(filesContaining(data, MOBILE)).toEqual([]);
    expect(statSync(path.join(data, 'hall.db.key')).mode & 0o777).toBe(0o600);

    host = await start(data);
    const again = (await login(host.base, ADMIN_PASSWORD)).token!;
    const detail = await call(host.base, 'GET', `/cases/${id}?reveal=idNumber`, again);
    expect(detail.status).toBe(200);
    expect(detail.body.idNumber).toBe(ID_NUMBER);
    // Reports run in worker threads with their own connections: they need the key as well.
    const report = await call(host.base, 'GET', '/reports/queue?from=2026-01-01&to=2026-01-31', again);
    expect(report.status).toBe(200);
    await stop(host);
  });

  it('refuses a wrong key with a clear message and its own exit code, changing no byte', async () => {
    const data = tempDir();
    await stop(await start(data));
    const before = snapshot(data);
    const wrong = { ...process.env, [DB_KEY_ENV]: 'ab'.repeat(32) };

    for (const args of [['--data', data, '--port', '0'], ['--data', data, '--reset-admin-password']]) {
      const res = runCli(args, wrong);
      expect({ args, status: res.status }).toEqual({ args, status: 4 });
      expect(res.stderr).toContain('数据库密钥不正确');
      expect(res.stderr).toContain('the database key is wrong');
      expect(res.stderr).not.toContain('ab'.repeat(32));
      expect(snapshot(data)).toEqual(before);
    }
    // A malformed key and a key file anyone can read are refused too, also without a trace.
    expect(runCli(['--data', data, '--port', '0'], { ...process.env, [DB_KEY_ENV]: 'not-a-key' }).status).toBe(5);
    expect(snapshot(data)).toEqual(before);
  });

  it('encrypts a plain database from before on first start, keeping a plain backup and every row, the WAL included', async () => {
    // A hall of the previous version: plain file, its last commits still only in the WAL.
    const old = tempDir();
    const db = openDatabase(path.join(old, 'hall.db'));
    db.pragma('wal_autocheckpoint = 0');
    migrate(db);
    await ensureAdmin(db, systemClock, ADMIN_PASSWORD);
    loadCatalogIfEmpty(db, systemClock);
    const { app } = await buildHallServer({ db, version: 'old', logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const oldBase = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const { id, caseNo } = await clerkCase(oldBase, (await login(oldBase, ADMIN_PASSWORD)).token!);
    // The image a power cut leaves: database and WAL as they are on disk now.
    const data = tempDir();
    copyFileSync(path.join(old, 'hall.db'), path.join(data, 'hall.db'));
    copyFileSync(path.join(old, 'hall.db-wal'), path.join(data, 'hall.db-wal'));
    await app.close();
    db.close();
    expect(filesContaining(data, ID_NUMBER)).toEqual(['hall.db-wal']);

    const host = await start(data);
    expect(host.stdout()).toContain('plain backup');
    const backups = readdirSync(data).filter((f) => f.startsWith('hall.db.plain-backup-'));
    expect(backups).toHaveLength(1);
    const backup = path.join(data, backups[0]!);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    expect(readdirSync(data).filter((f) => f.endsWith('.encrypting'))).toEqual([]);

    const admin = (await login(host.base, ADMIN_PASSWORD)).token!;
    const detail = await call(host.base, 'GET', `/cases/${id}?reveal=idNumber`, admin);
    expect(detail.body).toMatchObject({ caseNo, idNumber: ID_NUMBER });
    await stop(host);

    // Only the kept backup holds the number in the clear; it has the WAL's commits too.
    expect(filesContaining(data, ID_NUMBER)).toEqual([backups[0]]);
    const plain = new Database(backup, { readonly: true });
    const encrypted = openHostDatabase(data, { readonly: true });
    try {
      for (const table of ['users', 'cases', 'case_events', 'items']) {
        const count = (d: typeof plain) => d.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
        expect({ table, n: count(encrypted) }).toEqual({ table, n: count(plain) });
      }
      expect(plain.prepare('SELECT id_number FROM cases WHERE id = ?').pluck().get(id)).toBe(ID_NUMBER);
      expect(encrypted.prepare('SELECT id_number FROM cases WHERE id = ?').pluck().get(id)).toBe(ID_NUMBER);
      expect(encrypted.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      plain.close();
      encrypted.close();
    }
  });

  it('resets the admin password from the host only: refused while the host runs, audited, sessions ended', async () => {
    const data = tempDir();
    let host = await start(data);
    const admin = (await login(host.base, ADMIN_PASSWORD)).token!;
    // A second admin disables `admin`, as a hall might by mistake.
    await call(host.base, 'POST', '/users', admin, { username: 'admin2', password: 'admin2-pass-1', displayName: '二号管理员', role: 'admin' });
    const admin2 = (await call(host.base, 'POST', '/auth/login', null, { username: 'admin2', password: 'admin2-pass-1' })).body.token as string;
    const adminId = (await call(host.base, 'GET', '/users', admin2)).body.rows.find((u: { username: string }) => u.username === 'admin').id as number;

    // The host is running on this folder: refused, nothing changed.
    const busy = runCli(['--data', data, '--reset-admin-password']);
    expect(busy.status).toBe(6);
    expect(busy.stderr).toContain('正被其他程序使用');
    expect(busy.stderr).toContain('is the hall host running');
    expect((await login(host.base, ADMIN_PASSWORD)).status).toBe(200);

    expect((await call(host.base, 'PATCH', `/users/${adminId}`, admin2, { active: false })).status).toBe(200);
    await stop(host);

    const reset = runCli(['--data', data, '--reset-admin-password']);
    expect(reset.status).toBe(0);
    const password = /new password \(shown once\): (\S+)/.exec(reset.stdout)?.[1];
    expect(password).toMatch(/^\S{12,}$/);
    host = await start(data);
    expect((await login(host.base, ADMIN_PASSWORD)).status).toBe(401);
    const stale = await login(host.base, password!);
    expect(stale.status).toBe(200);
    await stop(host);

    // Again with a chosen password, as an operator may prefer; the session just opened ends.
    const chosen = runCli(['--data', data, '--reset-admin-password', '--admin-password', 'chosen-pass-9']);
    expect(chosen.status).toBe(0);
    expect(chosen.stdout).not.toContain('chosen-pass-9');
    host = await start(data);
    expect((await login(host.base, password!)).status).toBe(401);
    expect((await call(host.base, 'GET', '/users', stale.token!)).status).toBe(401);
    const fresh = await login(host.base, 'chosen-pass-9');
    expect(fresh.status).toBe(200);
    const users = (await call(host.base, 'GET', '/users', fresh.token!)).body.rows as Array<{ username: string; active: boolean; role: string }>;
    expect(users.find((u) => u.username === 'admin')).toMatchObject({ active: true, role: 'admin' });
    expect((await call(host.base, 'GET', '/audit/verify', fresh.token!)).body).toMatchObject({ ok: true });
    await stop(host);

    const db = openHostDatabase(data, { readonly: true });
    try {
      const rows = db
        .prepare("SELECT actor_kind, actor_name, terminal, entity_id, state_before, detail FROM audit_log WHERE action = 'admin-password-reset' ORDER BY id")
        .all() as Array<{ actor_kind: string; actor_name: string; terminal: string; entity_id: string; state_before: string; detail: string }>;
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatchObject({ actor_kind: 'system', actor_name: 'system', terminal: 'cli', entity_id: String(adminId), state_before: 'admin (inactive)' });
      expect(JSON.parse(rows[0]!.detail)).toMatchObject({ generated: true });
      expect(rows[1]).toMatchObject({ terminal: 'cli', state_before: 'admin' });
      expect(JSON.parse(rows[1]!.detail)).toMatchObject({ sessionsEnded: 1, generated: false });
    } finally {
      db.close();
    }
    // Neither password reached the log.
    const log = readFileSync(path.join(data, 'logs', 'hall.log'), 'utf8');
    expect(log).toContain('admin password reset from the command line');
    expect(log).not.toContain(password!);
    expect(log).not.toContain('chosen-pass-9');
  });

  it('refuses to reset in a folder without a hall database, creating nothing', () => {
    const data = tempDir();
    const res = runCli(['--data', data, '--reset-admin-password']);
    expect(res.status).toBe(2);
    expect(readdirSync(data).filter((f) => f.startsWith('hall.db'))).toEqual([]);
  });
});
