// One page of the case list for the state in the hash; reloaded on `case.*` events.
import { useCallback, useEffect, useState } from 'react';
import type { CasesApi } from './cases-api';
import type { CaseListState } from './case-query';
import type { CaseList } from './cases-contract';
import { useCaseEvents } from './case-events';

export function useCaseList(cases: CasesApi, state: CaseListState): { list: CaseList | null; error: unknown; loading: boolean } {
  const [list, setList] = useState<CaseList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(state);
  useEffect(() => {
    let live = true;
    setLoading(true);
    cases.list(JSON.parse(key) as CaseListState).then(
      (result) => {
        if (!live) return;
        setList(result);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!live) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [cases, key, generation]);
  useCaseEvents(useCallback(() => setGeneration((g) => g + 1), []));
  return { list, error, loading };
}

/** How many cases wait for the caller (待我办理), kept current by `case.*` events; null until known. */
export function useAwaitingCount(cases: CasesApi, enabled: boolean): number | null {
  const [count, setCount] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    cases.count({ mine: true }).then(
      (n) => {
        if (live) setCount(n);
      },
      () => {
        if (live) setCount(null);
      },
    );
    return () => {
      live = false;
    };
  }, [cases, enabled, generation]);
  useCaseEvents(useCallback(() => setGeneration((g) => g + 1), []));
  return count;
}
