// The node's health, polled every few seconds: whether the hall is reachable, when it was last
// reached and what waits to go (DESIGN §9), for the status line and the pairing gate.
import { useEffect, useState } from 'react';
import type { VillageHealth } from '../../electron/contract/village.js';
import { ApiError } from '../shared/api-error';
import { agentApi } from './agent-api';

export const HEALTH_POLL_MS = 3000;

/** `locked`: the node is on a LAN address and this page has not got its access key (node-key.ts). */
export type NodeHealth = { status: 'loading' } | { status: 'ok'; health: VillageHealth } | { status: 'down' } | { status: 'locked' };

export function useNodeHealth(): [NodeHealth, () => void] {
  const [state, setState] = useState<NodeHealth>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      agentApi.health().then(
        (health) => live && setState({ status: 'ok', health }),
        (err: unknown) => live && setState({ status: err instanceof ApiError && err.status === 401 ? 'locked' : 'down' }),
      ).finally(() => {
        if (live) timer = setTimeout(poll, HEALTH_POLL_MS);
      });
    };
    poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [tick]);
  return [state, () => setTick((n) => n + 1)];
}
