// The county upload's wire format (DESIGN §8), shared by the hall's HTTP adapter and the county
// simulator. Replies are parsed with these schemas; anything else counts as "no answer".
import { z } from 'zod';

// rating-followup: a closed bad-rating work order and its outcome (DOMAIN §3; added, the contract only grows).
export const RECORD_KINDS = ['case', 'case-event', 'rating', 'queue-daily', 'rating-followup'] as const;
export const RecordKind = z.enum(RECORD_KINDS);
export type RecordKind = z.infer<typeof RecordKind>;

/** The contract's ceiling on records per batch. */
export const MAX_BATCH_RECORDS = 200;

export const UploadRecord = z.object({
  recordId: z.string().min(1).max(64),
  kind: RecordKind,
  caseNo: z.string().min(1).max(64).optional(),
  seq: z.number().int().min(1).optional(),
  occurredAt: z.string().min(1).max(40),
  payload: z.record(z.string(), z.unknown()),
});
export type UploadRecord = z.infer<typeof UploadRecord>;

export const UploadBatch = z.object({
  hallCode: z.string().min(1).max(32),
  sentAt: z.string(),
  records: z.array(z.unknown()).max(MAX_BATCH_RECORDS),
});

export const RECORD_STATUSES = ['accepted', 'duplicate', 'rejected'] as const;

export const RecordResult = z.object({
  recordId: z.string(),
  status: z.enum(RECORD_STATUSES),
  receiptId: z.string().min(1).nullish(),
  reason: z.string().nullish(),
});
export type RecordResult = z.infer<typeof RecordResult>;

export const BatchReply = z.object({ results: z.array(RecordResult) });
export type BatchReply = z.infer<typeof BatchReply>;

/** Cursors are opaque; a county that numbers them is read as text. */
const Cursor = z.union([z.string().min(1).max(200), z.number().int()]).transform(String);

export const CountyDecision = z.object({
  caseNo: z.string().min(1).max(64),
  decision: z.enum(['approved', 'denied']),
  decidedAt: z.string().min(1).max(40),
  note: z.string().max(2000).nullish(),
  cursor: Cursor,
});
export type CountyDecision = z.infer<typeof CountyDecision>;

export const DecisionsReply = z.object({
  decisions: z.array(CountyDecision),
  next: Cursor.nullish(),
});
export type DecisionsReply = z.infer<typeof DecisionsReply>;
