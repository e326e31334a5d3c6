// What the agent's open request shows, as a pure reducer (use-request.ts drives it). Two rules keep
// the agent's unsent input on screen: a refresh of the same request keeps the detail shown until the
// new one arrives (clearing it unmounted the open panel and dropped a correction's counts or a chosen
// rating), and an answer fetched before the agent's own step landed is dropped (it would put the
// panel back in the step the agent had just left).
import type { AgentRequestDetail } from '../../electron/contract/agent-node.js';

export interface ShownRequest {
  id: string | null;
  detail: AgentRequestDetail | null;
  /** The fetch whose answer may still land; null once it landed or a step answered after it. */
  awaiting: number | null;
}

export type ShownRequestEvent =
  | { kind: 'fetch'; id: string | null; fetch: number }
  | { kind: 'fetched'; fetch: number; detail: AgentRequestDetail }
  | { kind: 'stepped'; detail: AgentRequestDetail };

export const NOTHING_SHOWN: ShownRequest = { id: null, detail: null, awaiting: null };

export function shownRequest(state: ShownRequest, event: ShownRequestEvent): ShownRequest {
  switch (event.kind) {
    case 'fetch': {
      const same = event.id !== null && event.id === state.id;
      return { id: event.id, detail: same ? state.detail : null, awaiting: event.id === null ? null : event.fetch };
    }
    case 'fetched':
      if (event.fetch !== state.awaiting || event.detail.requestId !== state.id) return state;
      return { ...state, detail: event.detail, awaiting: null };
    case 'stepped':
      if (event.detail.requestId !== state.id) return state;
      return { ...state, detail: event.detail, awaiting: null };
  }
}
