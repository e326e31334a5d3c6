// One request's detail, loaded when picked and replaced by what a step answers.
import { useEffect, useState } from 'react';
import type { AgentRequestDetail } from '../../electron/contract/agent-node.js';
import { agentApi } from './agent-api';

export function useRequest(id: string | null, version = 0): [AgentRequestDetail | null, (d: AgentRequestDetail) => void] {
  const [detail, setDetail] = useState<AgentRequestDetail | null>(null);
  useEffect(() => {
    let live = true;
    setDetail(null);
    if (id) agentApi.detail(id).then((d) => live && setDetail(d), () => undefined);
    return () => {
      live = false;
    };
  }, [id, version]);
  return [detail, setDetail];
}
