// Events that change the command centre's figures, from the shell's one socket to the screens that
// show them. The events carry no personal data; the screens ask the host for the figures again.
import { useEffect, useRef } from 'react';
import type { HallEvent } from '../../shared/contract';
import { DASHBOARD_EVENTS } from '../../../electron/contract/dashboard.js';

const listeners = new Set<(event: HallEvent) => void>();

export function isFigureEvent(event: HallEvent): boolean {
  return DASHBOARD_EVENTS.some((prefix) => event.type.startsWith(prefix));
}

/** Feed for the shell's events socket. */
export function handleFigureEvent(event: HallEvent): void {
  if (!isFigureEvent(event)) return;
  for (const listener of listeners) listener(event);
}

/** Calls `onEvent` for every figure event while mounted (the latest `onEvent`, without resubscribing). */
export function useFigureEvents(onEvent: (event: HallEvent) => void): void {
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  }, [onEvent]);
  useEffect(() => {
    const listener = (event: HallEvent) => latest.current(event);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
}

/**
 * Runs `refresh` after events, at most once per `intervalMs`: a burst of a hundred ticket events
 * becomes one request, and the last event of a burst is never missed.
 */
export function throttle(refresh: () => void, intervalMs: number, now: () => number = Date.now): { poke(): void; cancel(): void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    timer = null;
    last = now();
    refresh();
  };
  return {
    poke() {
      if (timer) return;
      const wait = last + intervalMs - now();
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
