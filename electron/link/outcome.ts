// What one exchange over a link came to. A transport turns every answer — or the lack of one — into
// one of these; transports never throw. Only `replied` can mark a record done (outbox.ts).
import type { RecordResult } from '../contract/county.js';
import type { SyncError, SyncErrorCode } from '../contract/sync.js';

export type ExchangeError = Omit<SyncError, 'at'>;

/** Link error codes are not request validation codes; built here so the two are never confused. */
export const exchangeError = (code: SyncErrorCode, detail: string | null = null): ExchangeError => ({ code, detail });

export type BatchOutcome =
  /** A reply of the contract's shape; only the results for records of this batch are kept. */
  | { kind: 'replied'; results: ReadonlyMap<string, RecordResult>; unknownIds: number }
  /** 401/403; `code` is the error code of the body when it had one (the hall's `revoked`). */
  | { kind: 'unauthorized'; status: number; code?: string }
  | { kind: 'failed'; error: ExchangeError };

/** One page of a cursor feed. */
export type PageOutcome<T> =
  | { kind: 'page'; items: T[]; next: string | null }
  | { kind: 'unauthorized'; status: number; code?: string }
  | { kind: 'failed'; error: ExchangeError };
