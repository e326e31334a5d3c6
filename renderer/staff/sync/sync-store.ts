// One copy of the upload status for the whole staff page: the banner and the screen read it; it is
// refreshed by polling GET /sync/status and by `sync.status` events from the shell's socket.
import { useEffect, useSyncExternalStore } from 'react';
import type { ApiClient } from '../../shared/api-client';
import type { HallEvent, Role } from '../../shared/contract';
import { syncApi } from './sync-api';
import { SYNC_STATUS_EVENT, SyncSummary, type SyncStatus } from './sync-contract';

/** The roles that see the upload's state (the host answers others 403). */
export const SYNC_ROLES: readonly Role[] = ['admin', 'supervisor'];
export const POLL_MS = 60_000;

let current: SyncStatus | null = null;
const listeners = new Set<() => void>();

function set(next: SyncStatus | null): void {
  current = next;
  for (const listener of listeners) listener();
}

export function subscribeSync(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function syncSnapshot(): SyncStatus | null {
  return current;
}

/** Loads the full status (with the rejected list) now. */
export async function refreshSync(api: ApiClient): Promise<SyncStatus> {
  const status = await syncApi(api).status();
  set(status);
  return status;
}

/**
 * Feed for the shell's events socket: `useHallEvents(hostUrl, token, handleSyncEvent, …)`.
 * The status event carries the summary; the rejected list is kept until the next full load.
 */
export function handleSyncEvent(event: HallEvent): void {
  if (event.type !== SYNC_STATUS_EVENT) return;
  const parsed = SyncSummary.safeParse(event.data);
  if (!parsed.success) return;
  set({ ...parsed.data, rejected: current?.rejected ?? [] });
}

/** The status for a signed-in operator, polled every minute while mounted; null for other roles. */
export function useSyncStatus(api: ApiClient, role: Role): SyncStatus | null {
  const allowed = SYNC_ROLES.includes(role);
  useEffect(() => {
    if (!allowed) return undefined;
    let stopped = false;
    const load = () => void refreshSync(api).catch(() => undefined);
    load();
    const timer = setInterval(() => {
      if (!stopped) load();
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api, allowed]);
  const status = useSyncExternalStore(subscribeSync, syncSnapshot, syncSnapshot);
  return allowed ? status : null;
}

/** For tests: forget the status between cases. */
export function resetSyncStore(): void {
  set(null);
}
