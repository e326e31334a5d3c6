// Typed calls of the 代办件 (electron/contract/agent-requests.ts) and the intake of one as a case.
import type { ApiClient } from '../../shared/api-client';
import { AgentRequestDetail, AgentRequestIntake, AgentRequestList, type AgentRequestState, type ReceiveHandoverRequest } from '../../../electron/contract/agent-requests.js';
import { CreatedCase } from '../../../electron/contract/cases.js';

export type { AgentRequestDetail, AgentRequestSummary, AgentRequestState } from '../../../electron/contract/agent-requests.js';
export { AGENT_REQUEST_STATES } from '../../../electron/contract/agent-requests.js';
export type { CreatedCase } from '../../../electron/contract/cases.js';

export function agentRequestsApi(api: ApiClient) {
  return {
    list: (filter: { village?: string; state?: AgentRequestState | '' }) => {
      const q = new URLSearchParams();
      if (filter.village) q.set('village', filter.village);
      if (filter.state) q.set('state', filter.state);
      return api.request('GET', `/agent-requests?${q.toString()}`, { schema: AgentRequestList });
    },
    get: (id: number) => api.request('GET', `/agent-requests/${id}`, { schema: AgentRequestDetail }),
    receive: (id: number, body: ReceiveHandoverRequest) => api.request('POST', `/agent-requests/${id}/receive`, { body, schema: AgentRequestDetail }),
    /** 受理此代办件: the request's applicant, item and counted materials become a case (channel agent). */
    takeIn: async (id: number) => {
      const form = await api.request('POST', `/agent-requests/${id}/intake`, { schema: AgentRequestIntake });
      return api.request('POST', '/cases', { body: { itemCode: form.itemCode, applicant: form.applicant, materials: form.materials, agentRequestId: form.agentRequestId }, schema: CreatedCase });
    },
  };
}
