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
