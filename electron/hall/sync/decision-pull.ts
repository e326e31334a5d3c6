// County → hall, in the same cycle as the upload: page through the decisions after the stored cursor.
import type { Db } from '../../../db/connection.js';
import type { Clock } from '../clock.js';
import { storeDecisionPage, type ApplyCountyDecision } from './decisions.js';
import { syncState } from './sync-state.js';
import type { CountyTransport, ExchangeError } from './transport.js';

/** Enough for a busy county day; the rest comes next cycle, from the stored cursor. */
const MAX_PAGES = 20;

export type PullResult =
  | { kind: 'ok'; received: number; applied: number }
  | { kind: 'unauthorized'; status: number; received: number }
  | { kind: 'failed'; error: ExchangeError; received: number };

export async function pullDecisions(db: Db, clock: Clock, transport: CountyTransport, hallCode: string, signal: AbortSignal, apply: ApplyCountyDecision): Promise<PullResult> {
  let cursor = syncState(db).decisions_cursor;
  let received = 0;
  let applied = 0;
  for (let page = 0; page < MAX_PAGES && !signal.aborted; page++) {
    const outcome = await transport.fetchDecisions(hallCode, cursor, signal);
    if (outcome.kind === 'unauthorized') return { kind: 'unauthorized', status: outcome.status, received };
    if (outcome.kind === 'failed') return { kind: 'failed', error: outcome.error, received };
    // A county that gives no `next` is read as "after the last decision on this page".
    const next = outcome.next ?? outcome.decisions.at(-1)?.cursor ?? cursor;
    const stored = storeDecisionPage(db, clock.now(), outcome.decisions, next, apply);
    received += stored.received;
    applied += stored.applied;
    if (outcome.decisions.length === 0 || outcome.next === null || next === cursor) break;
    cursor = next;
  }
  return { kind: 'ok', received, applied };
}
