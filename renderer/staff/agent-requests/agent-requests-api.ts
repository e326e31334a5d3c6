// Typed calls of the 代办件 (electron/contract/agent-requests.ts), and what the intake of one opens with.
import type { ApiClient } from '../../shared/api-client';
import { AgentRequestDetail, AgentRequestIntake, AgentRequestList, type AgentRequestState, type ReceiveHandoverRequest } from '../../../electron/contract/agent-requests.js';

export type { AgentRequestDetail, AgentRequestSummary, AgentRequestState } from '../../../electron/contract/agent-requests.js';
export { AGENT_REQUEST_STATES } from '../../../electron/contract/agent-requests.js';

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
    /** 受理此代办件: what the front-desk intake form opens with (applicant in full, item, counted materials). */
    intakeForm: (id: number) => api.request('POST', `/agent-requests/${id}/intake`, { schema: AgentRequestIntake }),
  };
}
