// Typed calls of the admin's villages and agents (electron/contract/agent-requests.ts).
import type { ApiClient } from '../../shared/api-client';
import { VillageList, VillageView, type CreateVillageRequest, type UpdateVillageRequest } from '../../../electron/contract/agent-requests.js';

export type { VillageList, VillageView } from '../../../electron/contract/agent-requests.js';
export { CreateVillageRequest } from '../../../electron/contract/agent-requests.js';

export function villagesApi(api: ApiClient) {
  return {
    list: () => api.request('GET', '/villages', { schema: VillageList }),
    create: (body: CreateVillageRequest) => api.request('POST', '/villages', { body, schema: VillageView }),
    update: (code: string, body: UpdateVillageRequest) => api.request('PATCH', `/villages/${code}`, { body, schema: VillageView }),
    setAgentVillages: (agentId: number, villageCodes: string[]) => api.request('PUT', `/agents/${agentId}/villages`, { body: { villageCodes } }),
  };
}
