import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { appendAudit, verifyAudit } from '../../electron/hall/audit/chain.js';
import type { Actor } from '../../electron/hall/http/principal.js';

const actor: Actor = { kind: 'user', id: 1, name: 'admin', terminal: '127.0.0.1' };
let dir: string;
let file: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'hall-audit-'));
  file = path.join(dir, 'hall.db');
  db = openDatabase(file);
  migrate(db);
  db.transaction(() => {
    for (let i = 1; i <= 20; i++) {
      appendAudit(db, actor, new Date(Date.UTC(2026, 0, 1, 0, i)), {
        action: 'case-accept',
        entity: 'case',
        entityId: i,
        before: 'received',
        after: 'accepted',
        note: `第 ${i} 件`,
      });
    }
  })();
});
afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What someone with the SQLite file and a tool would do: drop the guard triggers and edit. */
function tamper(statement: string): void {
  db.close();
  const raw = new Database(file);
  raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  raw.exec(statement);
  raw.close();
  db = openDatabase(file);
}

describe('audit hash chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyAudit(db)).toEqual({ ok: true, checked: 20, firstBadId: null });
  });

  it('refuses to append outside a transaction', () => {
    expect(() => appendAudit(db, actor, new Date(), { action: 'x', entity: 'y' })).toThrow(/inside the transaction/);
  });

  it('is append-only in the database itself', () => {
    expect(() => db.exec("UPDATE audit_log SET note = 'x' WHERE id = 3")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit_log WHERE id = 3')).toThrow(/append-only/);
  });

  for (const id of [1, 7, 20]) {
    it(`finds a changed note in row ${id}`, () => {
      tamper(`UPDATE audit_log SET note = '改过' WHERE id = ${id}`);
      expect(verifyAudit(db)).toEqual({ ok: false, checked: id - 1, firstBadId: id });
    });

    it(`finds a deleted row ${id}`, () => {
      tamper(`DELETE FROM audit_log WHERE id = ${id}`);
      expect(verifyAudit(db)).toMatchObject({ ok: false, firstBadId: id });
    });
  }

  it('finds a row whose hash was recomputed without the rest of the chain', () => {
    tamper("UPDATE audit_log SET actor_name = 'someone', hash = 'f'||substr(hash, 2) WHERE id = 5");
    expect(verifyAudit(db).firstBadId).toBe(5);
  });

  it('finds the last rows removed together with the head left as it was', () => {
    tamper('DELETE FROM audit_log WHERE id >= 18');
    expect(verifyAudit(db)).toEqual({ ok: false, checked: 17, firstBadId: 18 });
  });

  it('finds a changed state in the middle even when the note is kept', () => {
    tamper("UPDATE audit_log SET state_after = 'approved' WHERE id = 11");
    expect(verifyAudit(db).firstBadId).toBe(11);
  });
});
