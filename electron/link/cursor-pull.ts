// The pull side of a link: page through a peer's feed after a persisted cursor. Each page is stored
// (and the cursor moved past it) by the user in one transaction, so a change is handed on at least
// once and the cursor never runs ahead of what was applied.
import type { ExchangeError, PageOutcome } from './outcome.js';

export interface PullOptions<T> {
  readCursor(): string | null;
  fetchPage(after: string | null, signal: AbortSignal): Promise<PageOutcome<T>>;
  /** Stores the page and the new cursor in one transaction; returns how many items were new. */
  storePage(items: readonly T[], next: string | null): number;
  cursorOf(item: T): string;
  maxPages: number;
  signal: AbortSignal;
}

export type PullResult =
  | { kind: 'ok'; received: number }
  | { kind: 'unauthorized'; status: number; code?: string; received: number }
  | { kind: 'failed'; error: ExchangeError; received: number };

export async function pullFeed<T>(options: PullOptions<T>): Promise<PullResult> {
  let cursor = options.readCursor();
  let received = 0;
  for (let page = 0; page < options.maxPages && !options.signal.aborted; page++) {
    const outcome = await options.fetchPage(cursor, options.signal);
    if (outcome.kind === 'unauthorized') {
      return outcome.code === undefined
        ? { kind: 'unauthorized', status: outcome.status, received }
        : { kind: 'unauthorized', status: outcome.status, code: outcome.code, received };
    }
    if (outcome.kind === 'failed') return { kind: 'failed', error: outcome.error, received };
    // A peer that gives no `next` is read as "after the last item on this page".
    const last = outcome.items.at(-1);
    const next = outcome.next ?? (last === undefined ? null : options.cursorOf(last)) ?? cursor;
    received += options.storePage(outcome.items, next);
    if (outcome.items.length === 0 || outcome.next === null || next === cursor) break;
    cursor = next;
  }
  return { kind: 'ok', received };
}
