// Typed calls of /sync/* (electron/contract/sync.ts) on top of the staff ApiClient.
import { z } from 'zod';
import type { ApiClient } from '../../shared/api-client';
import { SyncAlert, SyncRunAccepted, SyncSettingsView, SyncStatus, type SyncSettingsRequest } from './sync-contract';

const Resent = z.object({ recordId: z.string(), state: z.literal('pending') });

export function syncApi(api: ApiClient) {
  return {
    status: () => api.request('GET', '/sync/status', { schema: SyncStatus }),
    alert: () => api.request('GET', '/sync/alert', { schema: SyncAlert }),
    run: () => api.request('POST', '/sync/run', { schema: SyncRunAccepted }),
    resend: (recordId: string) => api.request('POST', `/sync/records/${encodeURIComponent(recordId)}/resend`, { schema: Resent }),
    settings: () => api.request('GET', '/sync/settings', { schema: SyncSettingsView }),
    saveSettings: (body: SyncSettingsRequest) => api.request('PUT', '/sync/settings', { body, schema: SyncSettingsView }),
  };
}

export type SyncApi = ReturnType<typeof syncApi>;
