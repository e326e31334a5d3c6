// Migration 13: the devices table is rebuilt to take kind `village` bound to an agent. Terminals
// paired before keep their ids and tokens, the tickets and ratings that name them still do, and the
// foreign keys still hold afterwards. The catalogue version moves with every item write.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { migrations } from '../../db/migrations/index.js';
import { Item } from '../../electron/contract/catalog.js';
import { writeItem } from '../../electron/hall/catalog/item-store.js';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'hall-m13-'));
  db = openDatabase(path.join(dir, 'hall.db'));
  migrate(db, migrations.filter((m) => m.version < 13));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const T = '2026-03-02T01:00:00Z';

describe('migration 13 (villages)', () => {
  it('keeps every paired terminal and what refers to it, and still enforces the foreign keys', () => {
    db.prepare("INSERT INTO devices (id, name, kind, token_hash, token_expires_at, created_at) VALUES (7, '评价器', 'rating', x'01', ?, ?)").run(T, T);
    db.prepare("INSERT INTO devices (id, name, kind, token_hash, token_expires_at, created_at, revoked_at) VALUES (9, '取号机', 'kiosk', x'02', ?, ?, ?)").run(T, T, T);
    db.prepare("INSERT INTO windows (number, name, rating_device_id) VALUES (1, '一号', 7)").run();
    const before = db.prepare('SELECT * FROM devices ORDER BY id').all();
    migrate(db);
    expect(db.prepare('SELECT id, name, kind, token_hash, token_expires_at, created_at, created_by, last_seen_at, revoked_at FROM devices ORDER BY id').all()).toEqual(before);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(() => db.prepare('DELETE FROM devices WHERE id = 7').run()).toThrow(/FOREIGN KEY/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('binds a village node to an agent and no other terminal to anyone', () => {
    migrate(db);
    db.prepare("INSERT INTO users (id, username, display_name, role, password_hash, created_at, updated_at) VALUES (5, 'agent1', '赵建国', 'agent', 'x', ?, ?)").run(T, T);
    const add = (kind: string, agent: number | null, hash: string) =>
      db.prepare('INSERT INTO devices (name, kind, token_hash, token_expires_at, created_at, agent_user_id) VALUES (?, ?, ?, ?, ?, ?)').run('d', kind, Buffer.from(hash), T, T, agent);
    expect(() => add('village', 5, 'a')).not.toThrow();
    expect(() => add('village', null, 'b')).toThrow(/CHECK/);
    expect(() => add('kiosk', 5, 'c')).toThrow(/CHECK/);
  });

  it('moves the catalogue version with every write to items and their materials', () => {
    migrate(db);
    const version = () => (db.prepare('SELECT version FROM catalog_version').get() as { version: number }).version;
    const item = Item.parse({
      code: 'TOWN01', name: '居住证明', type: '07', department: '民政办', implementingBody: '某某镇人民政府', visits: 1, handlingLevel: 'town',
      promisedLimit: { value: 5, unit: 'working_days' }, materials: [{ name: '居民身份证', requirement: 'required', originals: 1, copies: 1, electronic: true, source: 'government' }],
    });
    const v0 = version();
    db.transaction(() => writeItem(db, item, T))();
    const v1 = version();
    expect(v1).toBeGreaterThan(v0);
    db.transaction(() => writeItem(db, { ...item, materials: [] }, T))();
    expect(version()).toBeGreaterThan(v1);
    const v2 = version();
    db.prepare("UPDATE settings SET value = value WHERE 0").run();
    expect(version()).toBe(v2);
  });
});
