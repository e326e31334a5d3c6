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

  it('reads a summary once per group, at the seal, into every event of the group that asked for it', () => {
    const { hub, seen } = hubWithListener();
    let waiting = 5;
    let reads = 0;
    const summary = () => ({ key: 'queue.waiting', read: () => ((reads += 1), { waiting }) });
    hub.hold();
    hub.publish('ticket.called', { ticketId: 1 }, 'all', summary());
    waiting = 4;
    hub.publish('ticket.called', { ticketId: 2 }, 'all', summary());
    hub.publish('window.updated', { id: 3 });
    waiting = 3;
    const batch = hub.seal();
    waiting = 2;
    hub.release(batch);
    expect(reads).toBe(1);
    // The figures as the group left them, not as each write saw them midway, nor as they are later.
    expect(seen.map((e) => e.data)).toEqual([{ ticketId: 1, waiting: 3 }, { ticketId: 2, waiting: 3 }, { id: 3 }]);
    hub.publish('ticket.issued', { ticketId: 4 }, 'all', summary());
    expect(reads).toBe(2);
    expect(seen[3]!.data).toEqual({ ticketId: 4, waiting: 2 });
  });

  it('sends a group whose summary cannot be read without it', () => {
    const { hub, seen } = hubWithListener();
    hub.hold();
    hub.publish('ticket.called', { ticketId: 1 }, 'all', { key: 'queue.waiting', read: () => { throw new Error('disk I/O error'); } });
    hub.release(hub.seal());
    expect(seen.map((e) => e.data)).toEqual([{ ticketId: 1 }]);
  });

  it('sends an event outside any group whose summary cannot be read without it, and does not throw', () => {
    const { hub, seen } = hubWithListener();
    const broken = { key: 'queue.waiting', read: () => { throw new Error('disk I/O error'); } };
    expect(() => hub.publish('ticket.issued', { ticketId: 1 }, 'all', broken)).not.toThrow();
    expect(seen.map((e) => e.data)).toEqual([{ ticketId: 1 }]);
  });
});
