// The county adapter (DESIGN §8: "keep the transport behind an adapter so another county's format
// can be added"). The uploader speaks only these types; an adapter turns them into one county's wire
// format and turns every answer — or the lack of one — into an outcome. Adapters never throw.
import type { CountyDecision, RecordResult } from '../../contract/county.js';
import type { SyncError, SyncErrorCode } from '../../contract/sync.js';
import type { OutboxRow } from './batch-select.js';

export interface OutgoingBatch {
  hallCode: string;
  sentAt: string;
  records: readonly OutboxRow[];
}

export type ExchangeError = Omit<SyncError, 'at'>;

/** Sync error codes are not request validation codes; built here so the two are never confused. */
export const exchangeError = (code: SyncErrorCode, detail: string | null = null): ExchangeError => ({ code, detail });

export type BatchOutcome =
  /** A reply of the contract's shape; only the results for records of this batch are kept. */
  | { kind: 'replied'; results: ReadonlyMap<string, RecordResult>; unknownIds: number }
  | { kind: 'unauthorized'; status: number }
  | { kind: 'failed'; error: ExchangeError };

export type DecisionsOutcome =
  | { kind: 'page'; decisions: CountyDecision[]; next: string | null }
  | { kind: 'unauthorized'; status: number }
  | { kind: 'failed'; error: ExchangeError };

export interface CountyTransport {
  sendBatch(batch: OutgoingBatch, signal: AbortSignal): Promise<BatchOutcome>;
  fetchDecisions(hallCode: string, after: string | null, signal: AbortSignal): Promise<DecisionsOutcome>;
}

/** What an adapter needs to reach the county; the key stays in memory only for the cycle. */
export interface CountyConnection {
  url: string;
  key: string;
  hallCode: string;
}
