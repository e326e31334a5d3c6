// Reading the county's answers strictly (DESIGN §8): only a 200 whose body parses as the contract's
// shape counts as an answer. HTML error pages, cut-off JSON, other shapes, results for ids we did not
// send — none of them can mark a record done; the records are simply tried again later.
import { DecisionsReply } from '../../contract/county.js';
import { parseResultsReply, readBody } from '../../link/reply.js';
import { exchangeError, type BatchOutcome, type DecisionsOutcome } from './transport.js';

/** The county's batch reply: the shared link's results parser (electron/link/reply.ts). */
export function parseBatchReply(status: number, text: string, sentIds: ReadonlySet<string>): BatchOutcome {
  return parseResultsReply(status, text, sentIds);
}

export function parseDecisionsReply(status: number, text: string): DecisionsOutcome {
  if (status === 401 || status === 403) return { kind: 'unauthorized', status };
  const read = readBody(status, text);
  if (!read.ok) return { kind: 'failed', error: read.error };
  const parsed = DecisionsReply.safeParse(read.body);
  if (!parsed.success) return { kind: 'failed', error: exchangeError('bad_reply', 'not the contract shape') };
  return { kind: 'page', decisions: parsed.data.decisions, next: parsed.data.next ?? null };
}
