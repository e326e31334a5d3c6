// Backups taken while the hall writes, checked, encrypted like the database, and restored from the
// command line and from the admin screen; damaged, newer and other halls' backups refused (issue 11).
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, describe, expect, it } from 'vitest';
import { applyDatabaseKey, openDatabase } from '../../db/connection.js';
import { resolveDatabaseKey } from '../../db/db-key.js';
import { randomUUID } from 'node:crypto';
import { verifyAudit } from '../../electron/hall/audit/chain.js';
import { BackupProblem } from '../../electron/hall/backup/backup-file.js';
import { restoreHallDatabase } from '../../electron/hall/backup/restore.js';
import { CLI_ACTOR } from '../../electron/hall/bootstrap.js';
import { call, openHostDatabase, startHostProcess, type HostProcess } from './support/host-process.js';
import { emptyAcknowledged, runCli, setupTraffic, startTraffic } from './support/hall-traffic.js';

const ADMIN = 'backup-test-admin';
const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const stopHost = async (host: HostProcess) => {
  host.child.kill('SIGTERM');
  expect(await host.exited).toBe(0);
};

describe('backup under load, restore from the command line', () => {
  it('takes a checked, encrypted backup while 20 clients write, and restores every write acknowledged before it', async () => {
    const data = tempDir('hall-backup-');
    let host = await startHostProcess(['--data', data, '--admin-password', ADMIN]);
    const setup = await setupTraffic(host.base, ADMIN, 16, 4);
    const acked = emptyAcknowledged();
    const traffic = startTraffic(() => host.base, setup, acked);
    // The backup starts once the traffic has written more than the checks below need (with room
    // for writes acknowledged in the very millisecond the backup begins), not after a fixed 3 s.
    await expect.poll(() => acked.tickets.size >= 30 && acked.cases.size >= 2, { timeout: 30_000, interval: 50 }).toBe(true);
    const backupBegan = Date.now();
    const run = await call(host.base, 'POST', '/backup/run', setup.admin, {});
    await new Promise((r) => setTimeout(r, 500));
    await traffic.stop();
    expect(run.status).toBe(200);
    const before = { tickets: [...acked.tickets].filter(([, t]) => t.at < backupBegan), cases: [...acked.cases].filter(([, c]) => c.at < backupBegan) };
    expect(before.tickets.length).toBeGreaterThan(20);
    expect(before.cases.length).toBeGreaterThan(0);

    const status = (await call(host.base, 'GET', '/backup', setup.admin)).body;
    expect(status.state.lastGood.file).toBe(run.body.file);
    expect(status.warning).toBe('none');
    expect(status.backups.map((b: { name: string }) => b.name)).toContain(run.body.file);
    const file = path.join(status.folder, run.body.file);

    // Checked as the keeper checks it, and unreadable without the hall's key.
    const key = resolveDatabaseKey(data, {}).key;
    const copy = openDatabase(file, { key, readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyAudit(copy).ok).toBe(true);
    copy.close();
    const noKey = new Database(file, { readonly: true });
    expect(() => noKey.prepare('SELECT count(*) FROM sqlite_schema').get()).toThrow();
    noKey.close();
    expect(readFileSync(file).subarray(0, 16).toString('latin1')).not.toContain('SQLite format');

    await stopHost(host);
    const restored = await runCli(['--data', data, '--restore', file]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/restored from/);
    expect(restored.stdout).toMatch(/lost since the backup: \d+ 张号票 tickets, \d+ 件办件 cases/);
    expect(readdirSync(data).some((n) => n.startsWith('before-restore-'))).toBe(true);

    const db = openHostDatabase(data, { readonly: true });
    const tickets = new Map((db.prepare('SELECT id, number FROM tickets').all() as Array<{ id: number; number: string }>).map((r) => [r.id, r.number]));
    const cases = new Map((db.prepare('SELECT id, case_no FROM cases').all() as Array<{ id: number; case_no: string }>).map((r) => [r.id, r.case_no]));
    for (const [id, t] of before.tickets) expect(tickets.get(id)).toBe(t.number);
    for (const [id, c] of before.cases) expect(cases.get(id)).toBe(c.caseNo);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyAudit(db).ok).toBe(true);
    // The next ticket number follows the highest ever given, not the highest in the backup.
    const maxGiven = Math.max(...[...acked.tickets.values()].map((t) => Number(t.number.slice(1))));
    db.close();

    host = await startHostProcess(['--data', data]);
    const kiosk = setup.kiosks[0]!;
    const next = await call(host.base, 'POST', '/queue/tickets', kiosk, { categoryCode: 'A' });
    expect(next.status).toBe(201);
    expect(Number(next.body.number.slice(1))).toBe(maxGiven + 1);
    const after = (await call(host.base, 'GET', '/backup', (await call(host.base, 'POST', '/auth/login', null, { username: 'admin', password: ADMIN })).body.token)).body;
    const missing = [...acked.tickets.keys()].filter((id) => !tickets.has(id)).length;
    expect(after.lastRestore.lost.tickets).toBe(missing);
    expect(after.lastRestore.before.auditLastId).toBeGreaterThan(after.lastRestore.after.auditLastId);
    await stopHost(host);
  }, 120_000);
});

describe('restore refusals', () => {
  it('refuses a truncated file, flipped bytes, a newer schema and another hall, changing nothing', async () => {
    const data = tempDir('hall-refuse-');
    let host = await startHostProcess(['--data', data, '--admin-password', ADMIN]);
    const admin = (await call(host.base, 'POST', '/auth/login', null, { username: 'admin', password: ADMIN })).body.token;
    const good = await call(host.base, 'POST', '/backup/run', admin, {});
    expect(good.status).toBe(200);
    const folder = (await call(host.base, 'GET', '/backup', admin)).body.folder as string;
    const goodFile = path.join(folder, good.body.file);
    await stopHost(host);
    const key = resolveDatabaseKey(data, {}).key;
    const work = tempDir('hall-refuse-files-');

    const truncated = path.join(work, 'truncated.db');
    const bytes = readFileSync(goodFile);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));

    const flipped = path.join(work, 'flipped.db');
    const changed = Buffer.from(bytes);
    for (let i = 0; i < 64; i++) changed[4096 + 100 + i] = changed[4096 + 100 + i]! ^ 0xff;
    writeFileSync(flipped, changed);

    const newer = path.join(work, 'newer.db');
    copyFileSync(goodFile, newer);
    const n = new Database(newer);
    applyDatabaseKey(n, key);
    n.pragma('user_version = 999');
    n.close();

    // Another hall's backup under the same key, so only its identity and code tell it apart.
    const otherFile = path.join(work, 'other-hall.db');
    copyFileSync(goodFile, otherFile);
    const o = new Database(otherFile);
    applyDatabaseKey(o, key);
    o.prepare(`UPDATE settings SET value = ? WHERE key = 'hall.identity'`).run(JSON.stringify(randomUUID()));
    o.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('hall.code', '"330100101"', '2026-01-01') ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run();
    o.close();

    const dbBytes = () => readFileSync(path.join(data, 'hall.db'));
    const original = dbBytes();
    const refusals = [
      [truncated, 'damaged|unreadable'],
      [flipped, 'damaged|unreadable'],
      [newer, 'newer_schema'],
      [otherFile, 'other_hall'],
    ] as const;
    for (const [file, reason] of refusals) {
      let refused: unknown = null;
      try {
        restoreHallDatabase(data, file, key, CLI_ACTOR, new Date());
      } catch (err) {
        refused = err;
      }
      expect(refused, file).toBeInstanceOf(BackupProblem);
      expect((refused as BackupProblem).reason).toMatch(new RegExp(`^(${reason})$`));
      expect(dbBytes().equals(original)).toBe(true);
      expect(readdirSync(data).some((f) => f.startsWith('before-restore-'))).toBe(false);
    }
    // The command line says why, in both languages, and exits 7.
    const cli = await runCli(['--data', data, '--restore', otherFile]);
    expect(cli.code, cli.stderr).toBe(7);
    expect(cli.stderr).toMatch(/恢复被拒绝.*restore refused, nothing was changed/);
    expect(cli.stderr).toMatch(/another hall's backup/);
    expect(dbBytes().equals(original)).toBe(true);

    // The same refusal from the admin screen, before anything stops.
    host = await startHostProcess(['--data', data]);
    const admin2 = (await call(host.base, 'POST', '/auth/login', null, { username: 'admin', password: ADMIN })).body.token;
    copyFileSync(flipped, path.join(folder, 'hall-backup-20200101-000000.db'));
    const refused = await call(host.base, 'POST', '/backup/restore', admin2, { name: 'hall-backup-20200101-000000.db' });
    expect(refused.status).toBe(422);
    expect(['restore_damaged', 'restore_unreadable']).toContain(refused.body.error.messageKey ?? guessKey(refused.body.error.message));
    const traversal = await call(host.base, 'POST', '/backup/restore', admin2, { name: '../hall.db' });
    expect(traversal.status).toBe(400);

    // A good one from the screen: answered, then the host restarts on it at the same address.
    const accepted = await call(host.base, 'POST', '/backup/restore', admin2, { name: good.body.file });
    expect(accepted.status).toBe(202);
    let back: { status: number; body: any } | null = null;
    for (let i = 0; i < 100 && back?.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 200));
      back = await call(host.base, 'POST', '/auth/login', null, { username: 'admin', password: ADMIN }).catch(() => null);
    }
    expect(back?.status, host.stdout()).toBe(200);
    const restoredStatus = (await call(host.base, 'GET', '/backup', back!.body.token)).body;
    expect(restoredStatus.lastRestore.backupFile).toBe(goodFile);
    expect(host.stdout()).toMatch(/restored from/);
    await stopHost(host);
    expect(existsSync(path.join(data, 'hall.db'))).toBe(true);
  }, 120_000);
});

function guessKey(message: string): string {
  return /damaged|损坏/.test(message) ? 'restore_damaged' : 'restore_unreadable';
}
