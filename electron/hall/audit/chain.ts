// The tamper-evident audit trail (DOMAIN §2): every row stores the SHA-256 of its content chained to
// the previous row's hash, and audit_head keeps the newest link so removed tail rows are found too.
import { hash } from 'node:crypto';
import type { Db } from '../../../db/connection.js';
import { get, iterate, run, sql } from '../../../db/sql.js';
import type { Actor } from '../http/principal.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: string | null;
  after?: string | null;
  note?: string | null;
  /** Extra facts as JSON; never ID numbers or phone numbers. */
  detail?: Record<string, unknown> | null;
}

interface AuditRow {
  id: number;
  at: string;
  actor_kind: string;
  actor_id: number | null;
  actor_name: string;
  terminal: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  state_before: string | null;
  state_after: string | null;
  note: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

/** A row as it is hashed: everything but its own hash. */
export type AuditRowContent = Omit<AuditRow, 'hash'>;

/** The row's link in the chain; exported so a bulk writer (the benchmark generator) chains exactly as appendAudit does. */
export function rowHash(row: AuditRowContent): string {
  const content = [
    row.id,
    row.at,
    row.actor_kind,
    row.actor_id,
    row.actor_name,
    row.terminal,
    row.action,
    row.entity,
    row.entity_id,
    row.state_before,
    row.state_after,
    row.note,
    row.detail,
    row.prev_hash,
  ];
  // One-shot: the same SHA-256 of the UTF-8 text as a Hash object's, without building one per row.
  return hash('sha256', JSON.stringify(content), 'hex');
}

/** Appends one row; call it inside the transaction of the change it records. */
export function appendAudit(db: Db, actor: Actor, at: Date, entry: AuditEntry): number {
  if (!db.inTransaction) throw new Error('appendAudit must run inside the transaction of the change it records');
  const head = get<{ last_id: number; last_hash: string }>(db, sql`SELECT last_id, last_hash FROM audit_head WHERE id = 1`);
  if (!head) throw new Error('audit_head is missing');
  const row: Omit<AuditRow, 'hash'> = {
    id: head.last_id + 1,
    at: at.toISOString(),
    actor_kind: actor.kind,
    actor_id: actor.id,
    actor_name: actor.name,
    terminal: actor.terminal,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId == null ? null : String(entry.entityId),
    state_before: entry.before ?? null,
    state_after: entry.after ?? null,
    note: entry.note ?? null,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
    prev_hash: head.last_hash,
  };
  const hash = rowHash(row);
  run(
    db,
    sql`INSERT INTO audit_log (id, at, actor_kind, actor_id, actor_name, terminal, action, entity, entity_id,
          state_before, state_after, note, detail, prev_hash, hash)
        VALUES (${row.id}, ${row.at}, ${row.actor_kind}, ${row.actor_id}, ${row.actor_name}, ${row.terminal},
          ${row.action}, ${row.entity}, ${row.entity_id}, ${row.state_before}, ${row.state_after}, ${row.note},
          ${row.detail}, ${row.prev_hash}, ${hash})`,
  );
  run(db, sql`UPDATE audit_head SET last_id = ${row.id}, last_hash = ${hash} WHERE id = 1`);
  return row.id;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** The first row that is changed, out of place, or missing (a removed row's id). */
  firstBadId: number | null;
}

/** Walks the whole chain. Reads from one snapshot, so concurrent appends do not confuse it. */
export function verifyAudit(db: Db): VerifyResult {
  return db.transaction((): VerifyResult => {
    let expectedId = 1;
    let prevHash = GENESIS_HASH;
    let checked = 0;
    for (const row of iterate<AuditRow>(db, sql`SELECT * FROM audit_log ORDER BY id`)) {
      if (row.id !== expectedId || row.prev_hash !== prevHash || rowHash(row) !== row.hash) {
        return { ok: false, checked, firstBadId: Math.min(row.id, expectedId) };
      }
      checked += 1;
      expectedId += 1;
      prevHash = row.hash;
    }
    const head = get<{ last_id: number; last_hash: string }>(db, sql`SELECT last_id, last_hash FROM audit_head WHERE id = 1`);
    if (!head || head.last_id !== expectedId - 1 || head.last_hash !== prevHash) {
      return { ok: false, checked, firstBadId: expectedId };
    }
    return { ok: true, checked, firstBadId: null };
  }).deferred();
}
