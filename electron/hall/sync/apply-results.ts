// Applying a county outcome: the shared link's rule (electron/link/outbox.ts) over the hall's outbox.
import type { Db } from '../../../db/connection.js';
import type { Backoff } from '../../link/backoff.js';
import * as link from '../../link/outbox.js';
import { COUNTY_OUTBOX, type OutboxRow } from './batch-select.js';
import type { BatchOutcome } from './transport.js';

export type AppliedCounts = link.AppliedCounts;

export function applyOutcome(db: Db, rows: readonly OutboxRow[], outcome: BatchOutcome, now: Date, backoff: Backoff): AppliedCounts {
  return link.applyOutcome(db, COUNTY_OUTBOX, rows, outcome, now, backoff);
}
