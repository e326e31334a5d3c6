import { useCallback, useEffect, useState } from 'react';

/** Loads a list once and on `reload()`; keeps the last error for the screen to show. */
export function useRows<T>(load: () => Promise<{ rows: T[] }>): { rows: T[] | null; error: unknown; reload: () => void } {
  const [rows, setRows] = useState<T[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (result) => {
        if (!live) return;
        setRows(result.rows);
        setError(null);
      },
      (failure: unknown) => {
        if (!live) return;
        setRows((previous) => previous ?? []);
        setError(failure);
      },
    );
    return () => {
      live = false;
    };
  }, [load, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { rows, error, reload };
}
