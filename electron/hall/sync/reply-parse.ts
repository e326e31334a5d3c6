// Reading the county's answers strictly (DESIGN §8): only a 200 whose body parses as the contract's
// shape counts as an answer. HTML error pages, cut-off JSON, other shapes, results for ids we did not
// send — none of them can mark a record done; the records are simply tried again later.
import { BatchReply, DecisionsReply, type RecordResult } from '../../contract/county.js';
import { exchangeError, type BatchOutcome, type DecisionsOutcome, type ExchangeError } from './transport.js';

type Read = { ok: true; body: unknown } | { ok: false; error: ExchangeError };

function readBody(status: number, text: string): Read {
  if (status !== 200) return { ok: false, error: exchangeError('http_status', String(status)) };
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: exchangeError('bad_reply', text.trimStart().startsWith('<') ? 'html' : 'not json') };
  }
}

export function parseBatchReply(status: number, text: string, sentIds: ReadonlySet<string>): BatchOutcome {
  if (status === 401 || status === 403) return { kind: 'unauthorized', status };
  const read = readBody(status, text);
  if (!read.ok) return { kind: 'failed', error: read.error };
  const parsed = BatchReply.safeParse(read.body);
  if (!parsed.success) return { kind: 'failed', error: exchangeError('bad_reply', 'not the contract shape') };
  const results = new Map<string, RecordResult>();
  const conflicting = new Set<string>();
  let unknownIds = 0;
  for (const result of parsed.data.results) {
    if (!sentIds.has(result.recordId)) {
      unknownIds += 1;
      continue;
    }
    const earlier = results.get(result.recordId);
    // Two different answers for one record: believe neither, send it again.
    if (earlier && (earlier.status !== result.status || earlier.receiptId !== result.receiptId)) conflicting.add(result.recordId);
    results.set(result.recordId, result);
  }
  for (const id of conflicting) results.delete(id);
  return { kind: 'replied', results, unknownIds };
}

export function parseDecisionsReply(status: number, text: string): DecisionsOutcome {
  if (status === 401 || status === 403) return { kind: 'unauthorized', status };
  const read = readBody(status, text);
  if (!read.ok) return { kind: 'failed', error: read.error };
  const parsed = DecisionsReply.safeParse(read.body);
  if (!parsed.success) return { kind: 'failed', error: exchangeError('bad_reply', 'not the contract shape') };
  return { kind: 'page', decisions: parsed.data.decisions, next: parsed.data.next ?? null };
}
