// The headless host as a real process: the command line of DESIGN §5, the ready line, SIGTERM.
import { spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI, openHostDatabase, startHostProcess } from './support/host-process.js';
import { latestVersion } from '../../db/migrate.js';

const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hall-proc-'));
  dirs.push(dir);
  return dir;
}

const startHost = startHostProcess;

function exitOf(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
});
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('npm run serve', () => {
  it('prints the ready line, a one-time admin password, and stops cleanly on SIGTERM', async () => {
    const data = tempDir();
    const { child, base, stdout } = await startHost(['--data', data]);
    const password = /admin password \(shown once\): (\S+)/.exec(stdout())?.[1];
    expect(password).toBeTruthy();
    const health = await (await fetch(`${base}/api/v1/health`)).json();
    expect(health).toMatchObject({ ok: true, schemaVersion: latestVersion() });
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(login.status).toBe(200);

    const exited = exitOf(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // A clean close checkpoints the WAL into the database file and removes it.
    expect(existsSync(path.join(data, 'hall.db-wal'))).toBe(false);
    const db = openHostDatabase(data, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    // The log has the requests but no token and no password.
    const log = readFileSync(path.join(data, 'logs', 'hall.log'), 'utf8');
    expect(log).toContain('/api/v1/auth/login');
    expect(log).not.toContain(password!);
  });

  it('does not print the admin password again on the next start, and --demo prints terminal links', async () => {
    const data = tempDir();
    const first = await startHost(['--data', data, '--admin-password', 'chosen-pass-1', '--demo']);
    expect(first.stdout()).not.toContain('shown once');
    expect(first.stdout()).toMatch(/\/kiosk#pair=[A-Za-z0-9_-]{43}/);
    const done = exitOf(first.child);
    first.child.kill('SIGINT');
    expect(await done).toBe(0);
    const second = await startHost(['--data', data, '--demo']);
    expect(second.stdout()).not.toContain('shown once');
    const me = await fetch(`${second.base}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${/\/kiosk#pair=(\S+)/.exec(second.stdout())![1]}` },
    });
    expect((await me.json()).device.kind).toBe('kiosk');
    const stopped = exitOf(second.child);
    second.child.kill('SIGTERM');
    expect(await stopped).toBe(0);
  });

  it('finishes a request in flight before exiting on SIGTERM', async () => {
    const data = tempDir();
    const { child, base } = await startHost(['--data', data, '--admin-password', 'chosen-pass-1']);
    // The request's headers arrive (so the host has taken it in), then SIGTERM, then the rest of
    // its body: the host must finish it and answer before it exits.
    const body = JSON.stringify({ username: 'admin', password: 'chosen-pass-1' });
    const url = new URL(`${base}/api/v1/auth/login`);
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
    const answered = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
    });
    req.write(body.slice(0, 10));
    await new Promise((r) => setTimeout(r, 300));
    const exited = exitOf(child);
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
    req.end(body.slice(10));
    expect(await answered).toBe(200);
    expect(await exited).toBe(0);
  });

  it('refuses bad arguments with the reason and exit code 2', () => {
    for (const args of [['--port', 'eighty'], ['--host', 'not an ip'], ['--admin-password', 'short'], ['--bogus']]) {
      const res = spawnSync(process.execPath, [CLI, '--data', tempDir(), ...args], { encoding: 'utf8' });
      expect({ args, status: res.status }).toEqual({ args, status: 2 });
      expect(res.stderr).toContain('usage: npm run serve');
    }
  });

  it('refuses a database from a newer version of the program, changing nothing', () => {
    const data = tempDir();
    const file = path.join(data, 'hall.db');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    const res = spawnSync(process.execPath, [CLI, '--data', data], { encoding: 'utf8' });
    expect(res.status).toBe(3);
    expect(res.stderr).toContain('数据库版本 99');
    expect(res.stderr).toContain('newer than this program');
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(99);
    expect(after.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(0);
    after.close();
    expect(readdirSync(data).filter((f) => f.startsWith('hall.db'))).toContain('hall.db');
  });
});
