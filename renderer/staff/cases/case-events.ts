// `case.*` events from the shell's socket, passed on to the open case screens. The events carry no
// personal data (only id, number, status): the screens reload what they show through the API.
import { useEffect, useRef } from 'react';
import type { HallEvent } from '../../shared/contract';

export interface CaseEventData {
  id: number;
  caseNo?: string;
  status?: string;
}

const listeners = new Set<(data: CaseEventData) => void>();

export function isCaseEvent(event: HallEvent): boolean {
  return event.type.startsWith('case.');
}

/** Feed for the shell's events socket. */
export function handleCaseEvent(event: HallEvent): void {
  if (!isCaseEvent(event)) return;
  const data = event.data as { id?: unknown; caseNo?: unknown; status?: unknown } | null;
  if (!data || typeof data.id !== 'number') return;
  const payload: CaseEventData = { id: data.id, caseNo: typeof data.caseNo === 'string' ? data.caseNo : undefined, status: typeof data.status === 'string' ? data.status : undefined };
  for (const listener of listeners) listener(payload);
}

/** Calls `onChange` for every case event while mounted (the latest `onChange`, without resubscribing). */
export function useCaseEvents(onChange: (data: CaseEventData) => void): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  }, [onChange]);
  useEffect(() => {
    const listener = (data: CaseEventData) => latest.current(data);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
}
