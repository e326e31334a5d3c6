// The queue as the kiosk sees it: state and settings from the host, waiting counts kept current from
// ticket events, reloaded on (re)connect, on resync and when the hall's set-up or settings change.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../shared/api-error';
import { queueApi, type QueueApi } from '../shared/queue-api';
import type { QueueSettings, QueueState } from '../shared/queue-contract';
import type { TerminalContext } from '../terminal/paired-screen';
import { mergeWaiting, waitingFromEvent } from './kiosk-model';

/** Opening and closing times pass without any event, so the start screen asks again now and then. */
const REFRESH_MS = 60_000;
const RELOAD_EVENTS = new Set(['queue.setup', 'queue.settings']);
/**
 * Events carry waiting counts but not "sold out": after a ticket is issued (here or at another
 * kiosk or counter), the state is read again, once for a burst of tickets.
 */
const SOLD_OUT_CHECK_MS = 1_500;

export interface KioskQueue {
  queue: QueueApi;
  state: QueueState | null;
  settings: QueueSettings | null;
  everConnected: boolean;
  requestUnreachable: boolean;
  reload(): void;
  /** A call to the host answered (false) or found nobody there (true). */
  noteReachability(error: unknown): void;
}

export function useKioskQueue({ api, connection, subscribe }: Pick<TerminalContext, 'api' | 'connection' | 'subscribe'>): KioskQueue {
  const queue = useMemo(() => queueApi(api), [api]);
  const [state, setState] = useState<QueueState | null>(null);
  const [settings, setSettings] = useState<QueueSettings | null>(null);
  const [requestUnreachable, setRequestUnreachable] = useState(false);
  const [everConnected, setEverConnected] = useState(false);
  // The newest event counts, so a state answer that was computed before them cannot undo them.
  const latestWaiting = useRef<{ serial: number; counts: Record<string, number> }>({ serial: 0, counts: {} });

  const noteReachability = useCallback((error: unknown) => {
    setRequestUnreachable(error instanceof ApiError && error.code === 'unreachable');
  }, []);

  const reload = useCallback(() => {
    const serialAtStart = latestWaiting.current.serial;
    Promise.all([queue.state(), queue.settings()]).then(
      ([nextState, nextSettings]) => {
        const newer = latestWaiting.current;
        setState(newer.serial === serialAtStart ? nextState : { ...nextState, categories: mergeWaiting(nextState.categories, newer.counts) });
        setSettings(nextSettings);
        setRequestUnreachable(false);
      },
      (error: unknown) => noteReachability(error),
    );
  }, [queue, noteReachability]);

  useEffect(() => {
    if (connection === 'open') {
      setEverConnected(true);
      reload();
    }
  }, [connection, reload]);

  useEffect(() => {
    reload();
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  useEffect(() => {
    let soldOutCheck: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = subscribe((event) => {
      const waiting = waitingFromEvent(event);
      if (event.type === 'ticket.issued' && soldOutCheck === null) {
        soldOutCheck = setTimeout(() => {
          soldOutCheck = null;
          reload();
        }, SOLD_OUT_CHECK_MS);
      }
      if (waiting) {
        latestWaiting.current = { serial: latestWaiting.current.serial + 1, counts: waiting };
        setState((current) => {
          if (!current) return current;
          const categories = mergeWaiting(current.categories, waiting);
          return categories === current.categories ? current : { ...current, categories };
        });
        return;
      }
      const resync = event.type === 'hello' && (event.data as { resync?: unknown } | null)?.resync === true;
      if (resync || RELOAD_EVENTS.has(event.type)) reload();
    });
    return () => {
      unsubscribe();
      if (soldOutCheck !== null) clearTimeout(soldOutCheck);
    };
  }, [subscribe, reload]);

  return { queue, state, settings, everConnected, requestUnreachable, reload, noteReachability };
}
