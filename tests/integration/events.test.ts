import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ADMIN_PASSWORD, startHall, type TestHall } from './support/hall.js';

let h: TestHall;
beforeAll(async () => {
  h = await startHall();
});
afterAll(() => h.close());

interface Received {
  messages: Array<{ seq: number; type: string; data: any }>;
  socket: WebSocket;
  next(type: string): Promise<{ seq: number; type: string; data: any }>;
}

function connect(query: string): Promise<Received> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${h.base.replace('http', 'ws')}/api/v1/events?${query}`);
    const messages: Received['messages'] = [];
    const waiters: Array<{ type: string; resolve: (m: Received['messages'][number]) => void }> = [];
    socket.on('message', (raw) => {
      const msg = JSON.parse(String(raw));
      messages.push(msg);
      for (const w of waiters.filter((w) => w.type === msg.type)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(msg);
      }
      if (msg.type === 'hello') resolve(received);
    });
    socket.on('close', (code) => reject(new Error(`closed ${code}`)));
    socket.on('error', reject);
    const received: Received = {
      messages,
      socket,
      next: (type) =>
        new Promise((res) => {
          const seen = messages.find((m) => m.type === type);
          if (seen) res(seen);
          else waiters.push({ type, resolve: res });
        }),
    };
  });
}

function closeCode(query: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${h.base.replace('http', 'ws')}/api/v1/events?${query}`);
    socket.on('close', (code) => resolve(code));
    socket.on('error', () => undefined);
  });
}

describe('/events WebSocket', () => {
  it('closes at once without a valid token', async () => {
    expect(await closeCode('')).toBe(4401);
    expect(await closeCode('token=not-a-token')).toBe(4401);
  });

  it('says hello, then pushes events to the callers allowed to see them', async () => {
    const adminToken = await h.login('admin', ADMIN_PASSWORD);
    const admin = await connect(`token=${adminToken}`);
    const clerk = await connect(`token=${await h.userToken('clerk')}`);
    const hello = admin.messages[0]!;
    expect(hello.type).toBe('hello');
    expect(hello.data.resync).toBe(true);

    const created = await h.api('POST', '/users', {
      token: adminToken,
      body: { username: 'newclerk', password: 'long-enough-1', displayName: '新人', role: 'clerk' },
    });
    const event = await admin.next('user.created');
    expect(event.data).toEqual({ id: created.body.id });
    expect(event.seq).toBeGreaterThan(hello.seq);
    // The clerk's socket saw nothing of admin business.
    await new Promise((r) => setTimeout(r, 50));
    expect(clerk.messages.map((m) => m.type)).toEqual(['hello']);
    admin.socket.close();
    clerk.socket.close();
  });

  it('catches a reconnecting terminal up on what it missed, without replaying older events', async () => {
    const adminToken = await h.login('admin', ADMIN_PASSWORD);
    const first = await connect(`token=${adminToken}`);
    const hello = first.messages[0]!;
    first.socket.close();
    await h.api('POST', '/devices', { token: adminToken, body: { name: '取号机二', kind: 'kiosk' } });
    await h.api('POST', '/devices', { token: adminToken, body: { name: '取号机三', kind: 'kiosk' } });
    const again = await connect(`token=${adminToken}&after=${hello.seq}&boot=${hello.data.bootId}`);
    await again.next('device.created');
    await new Promise((r) => setTimeout(r, 50));
    expect(again.messages[0]!.data.resync).toBe(false);
    expect(again.messages.filter((m) => m.type === 'device.created')).toHaveLength(2);
    again.socket.close();
    // From another host run (another bootId) the terminal is told to reload instead.
    const stale = await connect(`token=${adminToken}&after=${hello.seq}&boot=other-boot`);
    expect(stale.messages[0]!.data.resync).toBe(true);
    stale.socket.close();
  });

  it('works for a paired device token', async () => {
    const adminToken = await h.login('admin', ADMIN_PASSWORD);
    const { token } = (await h.api('POST', '/devices', { token: adminToken, body: { name: '叫号屏', kind: 'display' } })).body;
    const display = await connect(`token=${token}`);
    expect(display.messages[0]!.type).toBe('hello');
    display.socket.close();
  });
});
