// The command centre's figures, kept current: fetched once, then again after figure events (at most
// once a second) and every 30 s (the longest wait grows with no event at all).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Dashboard } from '../../../electron/contract/dashboard.js';
import { useStaff } from '../staff-context';
import { throttle, useFigureEvents } from './figure-events';

export type { Dashboard } from '../../../electron/contract/dashboard.js';

const REFRESH_MS = 1_000;
const IDLE_REFRESH_MS = 30_000;

export function useDashboard(): { data: Dashboard | null; failed: boolean; updates: number } {
  const { api } = useStaff();
  const [data, setData] = useState<Dashboard | null>(null);
  const [failed, setFailed] = useState(false);
  const [updates, setUpdates] = useState(0);
  const inFlight = useRef(false);
  const again = useRef(false);
  const fetchNow = useCallback(() => {
    // One request at a time; an event during it asks for one more afterwards.
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    api.request('GET', '/dashboard', { schema: Dashboard }).then(
      (d) => {
        setData(d);
        setFailed(false);
        setUpdates((n) => n + 1);
      },
      () => setFailed(true),
    ).finally(() => {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        fetchNow();
      }
    });
  }, [api]);
  const throttled = useMemo(() => throttle(fetchNow, REFRESH_MS), [fetchNow]);
  useEffect(() => {
    fetchNow();
    const timer = setInterval(fetchNow, IDLE_REFRESH_MS);
    return () => {
      clearInterval(timer);
      throttled.cancel();
    };
  }, [fetchNow, throttled]);
  useFigureEvents(useCallback(() => throttled.poke(), [throttled]));
  return { data, failed, updates };
}

/** A share as a percentage with one decimal, or "—" when there is no figure. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

export function minutes(n: number | null, unit: string): string {
  return n === null ? '—' : `${n.toFixed(1)} ${unit}`;
}
