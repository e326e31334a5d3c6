import { useSyncExternalStore } from 'react';

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The current location hash, re-rendering on every change. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
