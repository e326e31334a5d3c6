import { useEffect, useState } from 'react';
import type { ApiClient, Health } from './api-client';

export type HealthState = { status: 'loading' } | { status: 'ok'; health: Health } | { status: 'error'; error: unknown };

/** The host's /health, fetched once per client: the hall's name for the page header. */
export function useHealth(api: ApiClient | null): HealthState {
  const [state, setState] = useState<HealthState>({ status: 'loading' });
  useEffect(() => {
    if (!api) return undefined;
    let live = true;
    setState({ status: 'loading' });
    api.health().then(
      (health) => live && setState({ status: 'ok', health }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [api]);
  return state;
}
