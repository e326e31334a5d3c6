import { describe, expect, it } from 'vitest';
import { backoffCeiling, reconnectDelay } from '../../renderer/shared/backoff';
import { EventsSocket, eventsUrl, type ConnectionState } from '../../renderer/shared/events-socket';

describe('reconnect backoff', () => {
  const options = { baseMs: 1000, capMs: 30_000 };
  it('doubles the ceiling per attempt up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((n) => backoffCeiling(n, options))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
  it('draws the wait from [0, ceiling] (full jitter)', () => {
    expect(reconnectDelay(3, options, () => 0)).toBe(0);
    expect(reconnectDelay(3, options, () => 0.5)).toBe(4000);
    expect(reconnectDelay(3, options, () => 0.999999)).toBeLessThan(8000);
    for (let i = 0; i < 200; i++) {
      const delay = reconnectDelay(i % 10, options);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(backoffCeiling(i % 10, options));
    }
  });
});

class FakeSocket {
  static made: FakeSocket[] = [];
  onopen: ((ev: Event) => unknown) | null = null;
  onclose: ((ev: CloseEvent) => unknown) | null = null;
  onerror: ((ev: Event) => unknown) | null = null;
  onmessage: ((ev: MessageEvent) => unknown) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  close() {
    this.closed = true;
  }
  /** The host accepts the upgrade, then greets. */
  open() {
    this.onopen?.(new Event('open'));
    this.send(JSON.stringify({ seq: 0, type: 'hello', at: '2025-01-01T00:00:00Z', data: {} }));
  }
  drop(code = 1006, reason = '') {
    this.onclose?.({ code, reason } as CloseEvent);
  }
  send(data: string) {
    this.onmessage?.({ data } as MessageEvent);
  }
}

describe('EventsSocket', () => {
  it('builds the ws URL with the token', () => {
    expect(eventsUrl('https://h:1/', 'a b')).toBe('wss://h:1/api/v1/events?token=a+b');
    expect(eventsUrl('http://h:8620', 't')).toBe('ws://h:8620/api/v1/events?token=t');
  });

  it('reports its state, passes events on, and reconnects with growing waits', () => {
    FakeSocket.made = [];
    const states: ConnectionState[] = [];
    const waits: number[] = [];
    const timers: Array<() => void> = [];
    const events: string[] = [];
    const socket = new EventsSocket({
      url: 'ws://h/api/v1/events?token=t',
      createSocket: (url) => new FakeSocket(url),
      onState: (s) => states.push(s),
      onEvent: (e) => events.push(e.type),
      random: () => 0.5,
      setTimer: (fn, ms) => {
        waits.push(ms);
        timers.push(fn);
        return timers.length;
      },
      clearTimer: () => undefined,
    });
    const made = (i: number) => FakeSocket.made[i] as FakeSocket;
    socket.start();
    made(0).open();
    made(0).send(JSON.stringify({ seq: 1, type: 'ticket.called', at: '2025-01-01T00:00:00Z', data: null }));
    made(0).send('not json');
    made(0).send(JSON.stringify({ type: 'missing seq' }));
    expect(events).toEqual(['hello', 'ticket.called']);

    made(0).drop();
    timers.shift()?.();
    made(1).drop();
    timers.shift()?.();
    made(2).drop();
    expect(waits).toEqual([500, 1000, 2000]);
    timers.shift()?.();
    made(3).open();
    made(3).drop();
    expect(waits[3]).toBe(500); // a successful open starts the backoff again
    expect(states).toEqual(['connecting', 'open', 'closed', 'connecting', 'closed', 'connecting', 'closed', 'connecting', 'open', 'closed']);

    socket.stop();
    expect(socket.state).toBe('closed');
    const before = FakeSocket.made.length;
    timers.shift()?.(); // a wait that was already queued when stop() came opens nothing
    expect(FakeSocket.made.length).toBe(before);
    socket.start();
    socket.stop();
    expect(FakeSocket.made.at(-1)?.closed).toBe(true);
  });

  it('is not "open" when the host accepts the upgrade and then refuses the token, and stops there', () => {
    FakeSocket.made = [];
    const states: ConnectionState[] = [];
    const waits: number[] = [];
    const ended: string[] = [];
    const socket = new EventsSocket({
      url: 'ws://h/api/v1/events?token=dead',
      createSocket: (url) => new FakeSocket(url),
      onState: (s) => states.push(s),
      onEnded: (reason) => ended.push(reason),
      random: () => 0.5,
      setTimer: (fn, ms) => {
        waits.push(ms);
        return 0;
      },
      clearTimer: () => undefined,
    });
    socket.start();
    const first = FakeSocket.made[0] as FakeSocket;
    first.onopen?.(new Event('open'));
    first.drop(4401, 'token_revoked');
    expect(states).toEqual(['connecting', 'closed']);
    expect(ended).toEqual(['token_revoked']);
    // A dead token would only be refused again: no reconnect is even scheduled.
    expect(waits).toEqual([]);
    expect(FakeSocket.made).toHaveLength(1);
    socket.stop();
  });

  it('stops when an open socket is ended by the host, and keeps reconnecting on any other close', () => {
    FakeSocket.made = [];
    const timers: Array<() => void> = [];
    const ended: string[] = [];
    const events: string[] = [];
    const socket = new EventsSocket({
      url: 'ws://h/api/v1/events?token=t',
      createSocket: (url) => new FakeSocket(url),
      onEvent: (e) => events.push(e.type),
      onEnded: (reason) => ended.push(reason),
      random: () => 0,
      setTimer: (fn) => timers.push(fn),
      clearTimer: () => undefined,
    });
    socket.start();
    FakeSocket.made[0]!.open();
    FakeSocket.made[0]!.drop(1001, 'going away'); // host restarting
    FakeSocket.made[0]!.drop(1011);
    expect(timers).toHaveLength(1);
    timers.shift()!();
    FakeSocket.made[1]!.open();
    FakeSocket.made[1]!.drop(4401, 'user_disabled');
    expect(ended).toEqual(['user_disabled']);
    expect(socket.state).toBe('closed');
    expect(timers).toHaveLength(0);
    // A reason this build does not know still ends the token: back to login, not a loop.
    socket.start();
    FakeSocket.made[2]!.drop(4401, 'something_new');
    expect(ended).toEqual(['user_disabled', 'unauthorized']);
    expect(timers).toHaveLength(0);
    expect(events).toEqual(['hello', 'hello']);
  });
});

describe('EventsSocket catch-up', () => {
  it('reconnects after the last event of the same host run', () => {
    FakeSocket.made = [];
    const timers: Array<() => void> = [];
    const socket = new EventsSocket({
      url: 'ws://h:8620/api/v1/events?token=t',
      createSocket: (url) => new FakeSocket(url),
      setTimer: (fn) => timers.push(fn),
      clearTimer: () => undefined,
      random: () => 0,
    });
    socket.start();
    const first = FakeSocket.made[0]!;
    expect(first.url).toBe('ws://h:8620/api/v1/events?token=t');
    first.onopen?.(new Event('open'));
    first.send(JSON.stringify({ seq: 7, type: 'hello', at: '2026-01-01T00:00:00Z', data: { bootId: 'boot-1', resync: true } }));
    first.send(JSON.stringify({ seq: 9, type: 'ticket.called', at: '2026-01-01T00:00:01Z', data: {} }));
    first.drop();
    timers.shift()!();
    expect(FakeSocket.made[1]!.url).toBe('ws://h:8620/api/v1/events?token=t&after=9&boot=boot-1');
    // A new host run (new bootId in hello) becomes the new resume point.
    FakeSocket.made[1]!.onopen?.(new Event('open'));
    FakeSocket.made[1]!.send(JSON.stringify({ seq: 2, type: 'hello', at: '2026-01-01T00:01:00Z', data: { bootId: 'boot-2', resync: true } }));
    FakeSocket.made[1]!.drop();
    timers.shift()!();
    expect(FakeSocket.made[2]!.url).toBe('ws://h:8620/api/v1/events?token=t&after=2&boot=boot-2');
    socket.stop();
  });
});
