// The node's outbox for the hall (DESIGN §9): the agent module calls appendRecord inside its business
// transaction, so the record and its id commit with the business row. This is the only writer of
// new link_outbox rows; the sender (hall-link.ts) is never imported by business modules.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/connection.js';
import { get, run, sql } from '../../../db/sql.js';
import { Sha256Hex, VILLAGE_RECORD_KINDS, type VillageRecordKind } from '../../contract/village.js';
import type { LinkRow, OutboxSpec } from '../../link/outbox.js';
import { MAX_VILLAGE_BATCH_RECORDS } from '../../contract/village.js';

export interface VillageRecordInput {
  kind: VillageRecordKind;
  requestId: string;
  /** 1, 2, 3… per request; the next one when omitted. */
  seq?: number;
  occurredAt: string;
  payload: Record<string, unknown>;
}

export interface VillageOutboxRow extends LinkRow {
  kind: VillageRecordKind;
  request_id: string;
  seq: number;
  occurred_at: string;
  payload: string;
}

/**
 * Per-request order: seq n goes only when n-1 is done (so at most one record of a request is in
 * flight), and a record goes only when every scan it names has reached the hall.
 */
export const VILLAGE_OUTBOX: OutboxSpec = {
  table: 'link_outbox',
  columns: 'o.id, o.record_id, o.kind, o.request_id, o.seq, o.occurred_at, o.payload, o.attempts',
  orderRule: `(o.seq = 1 OR EXISTS (SELECT 1 FROM link_outbox p WHERE p.request_id = o.request_id AND p.seq = o.seq - 1 AND p.state = 'done'))
    AND NOT EXISTS (SELECT 1 FROM link_record_scans rs JOIN scans s ON s.sha256 = rs.sha256 WHERE rs.outbox_id = o.id AND s.state <> 'done')`,
  maxBatch: MAX_VILLAGE_BATCH_RECORDS,
};

const SHA = /^[0-9a-f]{64}$/;

/** Every scan a payload names (materials[].scans, signature.sha256, receiverSignature). */
export function scansNamed(payload: unknown): string[] {
  const found = new Set<string>();
  const walk = (value: unknown, key: string | null): void => {
    if (typeof value === 'string') {
      if ((key === 'sha256' || key === 'receiverSignature' || key === 'scans') && SHA.test(value)) found.add(value);
    } else if (Array.isArray(value)) {
      for (const v of value) walk(v, key);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(payload, null);
  return [...found];
}

export function nextRequestSeq(db: Db, requestId: string): number {
  const row = get<{ last: number | null }>(db, sql`SELECT max(seq) AS last FROM link_outbox WHERE request_id = ${requestId}`);
  return (row?.last ?? 0) + 1;
}

/** Adds one record for the hall and returns its recordId; call it inside the business transaction. */
export function appendRecord(db: Db, input: VillageRecordInput): string {
  if (!db.inTransaction) throw new Error('appendRecord must run inside the transaction of the change it records');
  if (!VILLAGE_RECORD_KINDS.includes(input.kind)) throw new Error(`appendRecord: unknown kind ${String(input.kind)}`);
  const at = Date.parse(input.occurredAt);
  if (Number.isNaN(at)) throw new Error(`appendRecord: occurredAt is not a date: ${input.occurredAt}`);
  const expected = nextRequestSeq(db, input.requestId);
  const seq = input.seq ?? expected;
  // A gap would hold the request's later records forever; refused here, where the caller can fix it.
  if (seq !== expected) throw new Error(`appendRecord: request ${input.requestId} expects seq ${expected}, got ${seq}`);
  if ((seq === 1) !== (input.kind === 'agent-request')) throw new Error('appendRecord: seq 1 of a request is its agent-request, and only that');
  const scans = scansNamed(input.payload);
  for (const sha of scans) {
    if (!Sha256Hex.safeParse(sha).success || !get(db, sql`SELECT 1 FROM scans WHERE sha256 = ${sha}`)) {
      throw new Error(`appendRecord: scan ${sha} is not stored on this node (storeScan first)`);
    }
  }
  const recordId = randomUUID();
  const { lastInsertRowid } = run(
    db,
    sql`INSERT INTO link_outbox (record_id, kind, request_id, seq, occurred_at, payload, created_at)
        VALUES (${recordId}, ${input.kind}, ${input.requestId}, ${seq}, ${input.occurredAt},
                ${JSON.stringify(input.payload)}, ${new Date(at).toISOString()})`,
  );
  for (const sha of scans) run(db, sql`INSERT INTO link_record_scans (outbox_id, sha256) VALUES (${Number(lastInsertRowid)}, ${sha})`);
  return recordId;
}
