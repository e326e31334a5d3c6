// The event hub's held batches (group-commit.ts): a group's events go out only once its commit is
// on the disk, and terminals receive every event in seq order even when syncs settle out of order or
// an event is published outside any group meanwhile.
import { describe, expect, it } from 'vitest';
import type { HallEvent } from '../../electron/contract/api.js';
import { EventHub } from '../../electron/hall/events/hub.js';

function hubWithListener(): { hub: EventHub; seen: HallEvent[] } {
  const hub = new EventHub({ now: () => new Date('2026-03-02T01:00:00Z') });
  const seen: HallEvent[] = [];
  hub.subscribe({ principal: { kind: 'device', device: { id: 1, name: 'display', kind: 'display' } }, send: (e) => seen.push(e) }, null);
  return { hub, seen };
}

describe('held event batches', () => {
  it('sends a batch on release, in seq order behind the batches before it', () => {
    const { hub, seen } = hubWithListener();
    hub.hold();
    hub.publish('a', 1);
    const first = hub.seal();
    hub.hold();
    hub.publish('b', 2);
    const second = hub.seal();
    hub.publish('outside', 3);
    expect(seen).toEqual([]);
    hub.release(second);
    expect(seen).toEqual([]);
    hub.release(first);
    expect(seen.map((e) => e.type)).toEqual(['a', 'b', 'outside']);
    expect(seen.map((e) => e.seq)).toEqual([1, 2, 3]);
    hub.publish('later', 4);
    expect(seen.map((e) => e.type)).toEqual(['a', 'b', 'outside', 'later']);
  });

  it('drops a failed batch and lets the ones behind it go', () => {
    const { hub, seen } = hubWithListener();
    hub.hold();
    hub.publish('lost', 1);
    const failed = hub.seal();
    hub.hold();
    hub.publish('kept', 2);
    hub.release(hub.seal());
    expect(seen).toEqual([]);
    hub.drop(failed);
    expect(seen.map((e) => e.type)).toEqual(['kept']);
  });
});
