// The outbox (DESIGN §7, §8): a record for the county is captured in the same transaction as the
// business row it reports, with its recordId made there. This file is the only writer of new rows.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/connection.js';
import { get, run, sql } from '../../../db/sql.js';
import type { RecordKind } from '../../contract/county.js';

export interface OutboxRecordInput {
  kind: RecordKind;
  /** Cases and case events only. */
  caseNo?: string;
  /** Case events only: 1, 2, 3… per case, with no gaps. */
  seq?: number;
  /** When the reported thing happened (ISO 8601 with offset). */
  occurredAt: string;
  payload: Record<string, unknown>;
}

/** Adds one record and returns its recordId; call it inside the business transaction. */
export function enqueueRecord(db: Db, input: OutboxRecordInput): string {
  if (!db.inTransaction) throw new Error('enqueueRecord must run inside the transaction of the change it records');
  const createdAt = new Date(Date.parse(input.occurredAt));
  if (Number.isNaN(createdAt.getTime())) throw new Error(`enqueueRecord: occurredAt is not a date: ${input.occurredAt}`);
  checkShape(input);
  if (input.kind === 'case-event') checkNextSeq(db, input.caseNo!, input.seq!);
  const recordId = randomUUID();
  run(
    db,
    sql`INSERT INTO outbox (record_id, kind, case_no, seq, occurred_at, payload, created_at)
        VALUES (${recordId}, ${input.kind}, ${input.caseNo ?? null}, ${input.seq ?? null}, ${input.occurredAt},
                ${JSON.stringify(input.payload)}, ${createdAt.toISOString()})`,
  );
  return recordId;
}

/** The seq the next event of a case takes. */
export function nextCaseSeq(db: Db, caseNo: string): number {
  const row = get<{ last: number | null }>(db, sql`SELECT max(seq) AS last FROM outbox WHERE kind = 'case-event' AND case_no = ${caseNo}`);
  return (row?.last ?? 0) + 1;
}

function checkShape(input: OutboxRecordInput): void {
  const forCase = input.kind === 'case' || input.kind === 'case-event';
  if (forCase !== (typeof input.caseNo === 'string' && input.caseNo.length > 0)) {
    throw new Error(`enqueueRecord: ${input.kind} records ${forCase ? 'need' : 'take no'} caseNo`);
  }
  const needsSeq = input.kind === 'case-event';
  if (needsSeq !== (input.seq !== undefined)) throw new Error(`enqueueRecord: ${input.kind} records ${needsSeq ? 'need' : 'take no'} seq`);
  if (needsSeq && (!Number.isInteger(input.seq) || input.seq! < 1)) throw new Error('enqueueRecord: seq must be a whole number from 1');
}

// The uploader sends event n only after n-1 (or the case, for n = 1) is done; a gap or an event
// without its case would wait forever, so it is refused here, where the caller can still fix it.
function checkNextSeq(db: Db, caseNo: string, seq: number): void {
  if (!get(db, sql`SELECT 1 FROM outbox WHERE kind = 'case' AND case_no = ${caseNo}`)) {
    throw new Error(`enqueueRecord: case ${caseNo} has no case record yet; enqueue the case first`);
  }
  const expected = nextCaseSeq(db, caseNo);
  if (seq !== expected) throw new Error(`enqueueRecord: case ${caseNo} expects seq ${expected}, got ${seq}`);
}
