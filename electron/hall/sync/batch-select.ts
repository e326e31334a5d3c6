// Choosing what to send to the county: the shared link's batch selection (electron/link/outbox.ts)
// over the hall's outbox table. Per-case order (DESIGN §8) is the order rule here: a case event is
// eligible only when the record before it (the case itself for seq 1) is done, so at most one record
// per case is ever in flight and the county never sees an event ahead of its case or an earlier event.
import type { Db } from '../../../db/connection.js';
import type { RecordKind } from '../../contract/county.js';
import { MAX_BATCH_RECORDS } from '../../contract/county.js';
import * as link from '../../link/outbox.js';

export interface OutboxRow extends link.LinkRow {
  kind: RecordKind;
  case_no: string | null;
  seq: number | null;
  occurred_at: string;
  /** JSON text, sent as it is stored. */
  payload: string;
}

export const COUNTY_OUTBOX: link.OutboxSpec = {
  table: 'outbox',
  columns: 'o.id, o.record_id, o.kind, o.case_no, o.seq, o.occurred_at, o.payload, o.attempts',
  orderRule: `o.kind <> 'case-event'
    OR (o.seq = 1 AND EXISTS (SELECT 1 FROM outbox c WHERE c.kind = 'case' AND c.case_no = o.case_no AND c.state = 'done'))
    OR (o.seq > 1 AND EXISTS (SELECT 1 FROM outbox e WHERE e.kind = 'case-event' AND e.case_no = o.case_no AND e.seq = o.seq - 1 AND e.state = 'done'))`,
  maxBatch: MAX_BATCH_RECORDS,
};

/** After a crash nothing is in flight: SENDING rows go back to pending (DESIGN §8). */
export function resetSending(db: Db): number {
  return link.resetSending(db, COUNTY_OUTBOX);
}

export function chooseBatch(db: Db, nowMs: number, nowIso: string, limit = MAX_BATCH_RECORDS): OutboxRow[] {
  return link.chooseBatch<OutboxRow>(db, COUNTY_OUTBOX, nowMs, nowIso, limit);
}
