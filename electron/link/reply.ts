// Reading a peer's answers strictly (DESIGN §8, §9): only a 200 whose body parses as the contract's
// shape counts as an answer. HTML error pages, cut-off JSON, other shapes, results for ids we did not
// send — none of them can mark a record done; the records are simply tried again later.
import { z } from 'zod';
import { RecordResult } from '../contract/county.js';
import { exchangeError, type BatchOutcome, type ExchangeError } from './outcome.js';

export type Read = { ok: true; body: unknown } | { ok: false; error: ExchangeError };

export function readBody(status: number, text: string): Read {
  if (status !== 200) return { ok: false, error: exchangeError('http_status', String(status)) };
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: exchangeError('bad_reply', text.trimStart().startsWith('<') ? 'html' : 'not json') };
  }
}

const ErrorCodeBody = z.object({ error: z.object({ code: z.string().max(64) }) });

/** The `error.code` of a refusal's body, when it has the error shape (`revoked` from the hall). */
export function refusalCode(text: string): string | undefined {
  try {
    const parsed = ErrorCodeBody.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.error.code : undefined;
  } catch {
    return undefined;
  }
}

const ResultsReply = z.object({ results: z.array(RecordResult) });

/**
 * A batch reply `{results:[…]}`. `withRefusalCode`: a 401/403 carries its body's error code (the
 * village link tells a revoked node from a passing fault; the county's refusals never needed it).
 */
export function parseResultsReply(status: number, text: string, sentIds: ReadonlySet<string>, withRefusalCode = false): BatchOutcome {
  if (status === 401 || status === 403) {
    const code = withRefusalCode ? refusalCode(text) : undefined;
    return code === undefined ? { kind: 'unauthorized', status } : { kind: 'unauthorized', status, code };
  }
  const read = readBody(status, text);
  if (!read.ok) return { kind: 'failed', error: read.error };
  const parsed = ResultsReply.safeParse(read.body);
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
