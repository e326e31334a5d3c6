// County → hall, in the same cycle as the upload: the shared link's cursor pull (electron/link)
// over the county's decisions, each page stored with the cursor in one transaction.
import type { Db } from '../../../db/connection.js';
import { pullFeed } from '../../link/cursor-pull.js';
import type { CountyDecision } from '../../contract/county.js';
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
  let applied = 0;
  const pulled = await pullFeed<CountyDecision>({
    readCursor: () => syncState(db).decisions_cursor,
    fetchPage: async (after, s) => {
      const outcome = await transport.fetchDecisions(hallCode, after, s);
      return outcome.kind === 'page' ? { kind: 'page', items: outcome.decisions, next: outcome.next } : outcome;
    },
    storePage: (items, next) => {
      const stored = storeDecisionPage(db, clock.now(), items, next, apply);
      applied += stored.applied;
      return stored.received;
    },
    cursorOf: (decision) => decision.cursor,
    maxPages: MAX_PAGES,
    signal,
  });
  if (pulled.kind === 'unauthorized') return { kind: 'unauthorized', status: pulled.status, received: pulled.received };
  return pulled.kind === 'ok' ? { ...pulled, applied } : pulled;
}
