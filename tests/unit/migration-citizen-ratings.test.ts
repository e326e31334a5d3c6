// Migration 10: old ratings keep every row and get the channel of the terminal that stored them; from
// then on the database itself refuses a rating that no citizen's channel could give.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/connection.js';
import { migrate, schemaVersion } from '../../db/migrate.js';
import { migrations } from '../../db/migrations/index.js';

const AT = '2026-03-02T01:00:00.000Z';
let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'hall-m10-'));
  db = openDatabase(path.join(dir, 'hall.db'));
  migrate(db, migrations.filter((m) => m.version < 10));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (table: string, row: Record<string, unknown>) =>
  Number(db.prepare(`INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map(() => '?').join(', ')})`).run(...Object.values(row)).lastInsertRowid);

const device = (kind: string) => insert('devices', { name: kind, kind, token_hash: Buffer.from(kind), token_expires_at: AT, created_at: AT });

function ticket(seq: number): number {
  const category = (db.prepare("SELECT id FROM queue_categories WHERE code = 'A'").get() as { id: number } | undefined)?.id ?? insert('queue_categories', { code: 'A', name: '社保', prefix: 'A' });
  return insert('tickets', { business_day: '2026-03-02', category_id: category, seq, number: `A00${seq}`, status: 'done', arrived_at: AT, issued_at: AT, finished_at: AT });
}

function aCase(accepted: boolean): number {
  return insert('cases', {
    case_no: `CASE${Math.random()}`, business_day: '2026-03-02', item_code: 'X', item_name: '居住证明', item_type: '07', handling_level: 'town', limit_value: 5,
    limit_unit: 'working_days', applicant_kind: 'person', applicant_name: '王芳', id_type: 'resident_id', id_number: '11010519491231002X', mobile: '13812345678',
    channel: 'window', status: accepted ? 'accepted' : 'received', password_hash: 'scrypt$x', received_at: AT, accepted_at: accepted ? AT : null, updated_at: AT,
  });
}

const rating = (row: Record<string, unknown>) => insert('ratings', { level: 5, created_at: AT, ...row });

describe('migration 10 (citizen ratings)', () => {
  it('keeps every old rating and names its channel after the terminal that stored it', () => {
    const pad = device('rating');
    const kiosk = device('kiosk');
    const fromPad = rating({ ticket_id: ticket(1), device_id: pad });
    const fromKiosk = rating({ ticket_id: ticket(2), device_id: kiosk });
    // A clerk's rating of a case that never existed: kept, and marked for what it is.
    const fromStaff = rating({ case_id: 4242, device_id: null, comment: '好' });
    migrate(db);
    expect(schemaVersion(db)).toBe(migrations.length);
    const rows = db.prepare('SELECT id, channel, stage, ticket_id IS NOT NULL AS has_ticket, case_id, comment FROM ratings ORDER BY id').all();
    expect(rows).toEqual([
      { id: fromPad, channel: 'pad', stage: null, has_ticket: 1, case_id: null, comment: null },
      { id: fromKiosk, channel: 'kiosk', stage: null, has_ticket: 1, case_id: null, comment: null },
      { id: fromStaff, channel: 'staff', stage: null, has_ticket: 0, case_id: 4242, comment: '好' },
    ]);
  });

  it('then refuses what no citizen could give: a staff channel, a case that does not exist or has not reached the stage, a second rating of a stage', () => {
    migrate(db);
    const pad = device('rating');
    const t = ticket(3);
    expect(() => rating({ ticket_id: t, device_id: pad, channel: 'staff' })).toThrow(/citizen channel/);
    expect(() => rating({ ticket_id: t, device_id: pad, channel: 'onsite' })).toThrow();
    expect(() => rating({ case_id: 999, stage: 'accepted', channel: 'kiosk' })).toThrow(/existing case/);
    const received = aCase(false);
    expect(() => rating({ case_id: received, stage: 'accepted', channel: 'kiosk' })).toThrow(/reached/);
    const accepted = aCase(true);
    expect(() => rating({ case_id: accepted, channel: 'kiosk' })).toThrow(/citizen channel/);
    expect(() => rating({ case_id: accepted, stage: 'concluded', channel: 'kiosk' })).toThrow(/reached/);
    expect(() => rating({ ticket_id: t, case_id: accepted, stage: 'accepted', channel: 'kiosk' })).toThrow();
    rating({ case_id: accepted, stage: 'accepted', channel: 'kiosk' });
    expect(() => rating({ case_id: accepted, stage: 'accepted', channel: 'kiosk' })).toThrow(/UNIQUE/);
    rating({ ticket_id: t, device_id: pad, channel: 'pad' });
    expect(() => rating({ ticket_id: t, device_id: pad, channel: 'pad' })).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT count(*) AS n FROM ratings').get()).toEqual({ n: 2 });
  });
});
