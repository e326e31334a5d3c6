// The county adapter (DESIGN §8: "keep the transport behind an adapter so another county's format
// can be added"). The uploader speaks only these types; an adapter turns them into one county's wire
// format and turns every answer — or the lack of one — into an outcome. Adapters never throw.
import type { CountyDecision } from '../../contract/county.js';
import type { BatchOutcome, ExchangeError } from '../../link/outcome.js';
import type { OutboxRow } from './batch-select.js';

export { exchangeError, type BatchOutcome, type ExchangeError } from '../../link/outcome.js';

export interface OutgoingBatch {
  hallCode: string;
  sentAt: string;
  records: readonly OutboxRow[];
}

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
