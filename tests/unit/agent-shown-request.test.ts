// What the agent's open request shows while the hall's changes refresh it every few seconds. Seen in
// the village e2e under load: each refresh cleared the detail, so the open panel was unmounted and
// remade, dropping a correction's counts (the resubmit reached the hall without them) and a chosen
// rating; and a refresh fetched before the agent's step answered put the panel back a step.
import { describe, expect, it } from 'vitest';
import type { AgentRequestDetail } from '../../electron/contract/agent-node.js';
import { NOTHING_SHOWN, shownRequest, type ShownRequest, type ShownRequestEvent } from '../../renderer/agent/request-state.js';

const detail = (requestId: string, state: AgentRequestDetail['state']) => ({ requestId, state }) as AgentRequestDetail;
const play = (events: ShownRequestEvent[], from: ShownRequest = NOTHING_SHOWN) => events.reduce(shownRequest, from);

describe('the shown request', () => {
  it('keeps the request on screen while a refresh of the same one is on its way', () => {
    const shown = play([{ kind: 'fetch', id: 'a', fetch: 1 }, { kind: 'fetched', fetch: 1, detail: detail('a', 'correction') }]);
    const refreshing = shownRequest(shown, { kind: 'fetch', id: 'a', fetch: 2 });
    expect(refreshing.detail).toBe(shown.detail);
    expect(shownRequest(refreshing, { kind: 'fetched', fetch: 2, detail: detail('a', 'correction') }).detail?.state).toBe('correction');
  });

  it('shows nothing of the last request once another is picked, until it arrives', () => {
    const shown = play([{ kind: 'fetch', id: 'a', fetch: 1 }, { kind: 'fetched', fetch: 1, detail: detail('a', 'decided') }]);
    const picked = shownRequest(shown, { kind: 'fetch', id: 'b', fetch: 2 });
    expect(picked.detail).toBeNull();
    // The first request's answer, late, does not stand in for the second.
    expect(shownRequest(picked, { kind: 'fetched', fetch: 1, detail: detail('a', 'decided') }).detail).toBeNull();
    expect(shownRequest(picked, { kind: 'fetched', fetch: 2, detail: detail('b', 'accepted') }).detail?.requestId).toBe('b');
    expect(shownRequest(shown, { kind: 'fetch', id: null, fetch: 3 }).detail).toBeNull();
  });

  it('drops a refresh fetched before the agent\'s own step answered', () => {
    const shown = play([{ kind: 'fetch', id: 'a', fetch: 1 }, { kind: 'fetched', fetch: 1, detail: detail('a', 'correction') }, { kind: 'fetch', id: 'a', fetch: 2 }]);
    const stepped = shownRequest(shown, { kind: 'stepped', detail: detail('a', 'handed-over') });
    expect(shownRequest(stepped, { kind: 'fetched', fetch: 2, detail: detail('a', 'correction') }).detail?.state).toBe('handed-over');
    // A refresh started after the step lands as usual.
    const next = shownRequest(stepped, { kind: 'fetch', id: 'a', fetch: 3 });
    expect(shownRequest(next, { kind: 'fetched', fetch: 3, detail: detail('a', 'accepted') }).detail?.state).toBe('accepted');
  });
});
