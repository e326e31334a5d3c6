// One request's detail, loaded when picked, refreshed when `version` moves (the hall's changes arrive
// every few seconds) and replaced by what a step answers; the rules are in request-state.ts.
import { useEffect, useReducer, useRef } from 'react';
import type { AgentRequestDetail } from '../../electron/contract/agent-node.js';
import { agentApi } from './agent-api';
import { NOTHING_SHOWN, shownRequest } from './request-state';

export function useRequest(id: string | null, version = 0): [AgentRequestDetail | null, (d: AgentRequestDetail) => void] {
  const [state, dispatch] = useReducer(shownRequest, NOTHING_SHOWN);
  const fetches = useRef(0);
  useEffect(() => {
    const fetch = ++fetches.current;
    dispatch({ kind: 'fetch', id, fetch });
    if (!id) return undefined;
    agentApi.detail(id).then((detail) => dispatch({ kind: 'fetched', fetch, detail }), () => undefined);
    return undefined;
  }, [id, version]);
  return [state.detail, (detail) => dispatch({ kind: 'stepped', detail })];
}
