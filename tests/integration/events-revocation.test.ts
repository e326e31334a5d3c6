// Event sockets live no longer than their credentials (issue 8 point 3): revoked or re-issued
// devices, disabled users, changed roles, logged-out and expired sessions are closed within a second
// with 4401 and a reason, and receive nothing after; foreign pages cannot open one at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { revokeDevice } from '../../electron/hall/devices/service.js';
import { SYSTEM_ACTOR } from '../../electron/hall/http/principal.js';
import { ADMIN_PASSWORD, startHall, type TestHall } from './support/hall.js';

let h: TestHall;
beforeAll(async () => {
  h = await startHall();
});
afterAll(() => h.close());

interface Listener {
  socket: WebSocket;
  types: string[];
  /** Resolves when the host closes the socket: code, reason and ms since `since()` was last called. */
  closed: Promise<{ code: number; reason: string; afterMs: number }>;
  since(): void;
}

function eventsUrl(token: string): string {
  return `${h.base.replace('http', 'ws')}/api/v1/events?token=${encodeURIComponent(token)}`;
}

/** Opens a socket and waits for the host's hello. */
function listen(token: string, origin?: string): Promise<Listener> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(eventsUrl(token), origin ? { origin } : {});
    const types: string[] = [];
    let mark = performance.now();
    const closed = new Promise<{ code: number; reason: string; afterMs: number }>((res) => {
      socket.on('close', (code, reason) => res({ code, reason: reason.toString(), afterMs: performance.now() - mark }));
    });
    const listener: Listener = { socket, types, closed, since: () => (mark = performance.now()) };
    socket.on('message', (raw) => {
      const { type } = JSON.parse(String(raw)) as { type: string };
      types.push(type);
      if (type === 'hello') resolve(listener);
    });
    socket.on('error', reject);
    socket.on('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
  });
}

/** An upgrade the host refuses before any socket exists: the HTTP status it answered. */
function refusedStatus(token: string, origin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(eventsUrl(token), { origin });
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('message', () => reject(new Error('the socket was opened')));
    socket.on('error', () => undefined);
  });
}

/** Publishes a probe every socket may see, and waits long enough for it to arrive where it still can. */
async function probe(name: string): Promise<void> {
  h.hall.events.publish(name, null, 'all');
  await new Promise((r) => setTimeout(r, 100));
}

/** A fresh admin login: some tests move the clock past every session open before. */
const adminToken = () => h.login('admin', ADMIN_PASSWORD);

async function newDevice(kind: string): Promise<{ id: number; token: string }> {
  const res = await h.api('POST', '/devices', { token: await adminToken(), body: { name: `终端${Math.random().toString(36).slice(2, 6)}`, kind } });
  expect(res.status).toBe(201);
  return res.body;
}

async function userId(token: string): Promise<number> {
  return (await h.api('GET', '/auth/me', { token })).body.user.id as number;
}

describe('a socket ends with its credential', () => {
  it('closes a revoked device at once; other sockets go on', async () => {
    const display = await newDevice('display');
    const kiosk = await newDevice('kiosk');
    const revoked = await listen(display.token);
    const other = await listen(kiosk.token);
    await probe('probe.before');
    revoked.since();
    expect((await h.api('POST', `/devices/${display.id}/revoke`, { token: await adminToken() })).status).toBe(200);
    await probe('probe.after');
    const closed = await revoked.closed;
    expect(closed).toMatchObject({ code: 4401, reason: 'token_revoked' });
    expect(closed.afterMs).toBeLessThan(1000);
    expect(revoked.types).toEqual(['hello', 'probe.before']);
    expect(other.types).toEqual(['hello', 'probe.before', 'probe.after']);
    // The revoked token is refused at connect too, saying why; so is its HTTP call.
    const again = new WebSocket(eventsUrl(display.token));
    expect(await new Promise((r) => again.on('close', (code, reason) => r(`${code} ${reason}`)))).toBe('4401 token_revoked');
    const me = await h.api('GET', '/auth/me', { token: display.token });
    expect(me.status).toBe(401);
    expect(me.body.error.details).toEqual({ reason: 'token_revoked' });
    other.socket.close();
  });

  it('closes in the same call that commits: an event published right after never arrives', async () => {
    const display = await newDevice('display');
    const socket = await listen(display.token);
    revokeDevice(h.db, h.clock, SYSTEM_ACTOR, display.id);
    h.hall.events.publish('probe.same-tick', null, 'all');
    expect(await socket.closed).toMatchObject({ code: 4401, reason: 'token_revoked' });
    expect(socket.types).toEqual(['hello']);
  });

  it('closes the old token of a re-issued device; the new token connects', async () => {
    const rating = await newDevice('rating');
    const old = await listen(rating.token);
    old.since();
    const reissued = await h.api('POST', `/devices/${rating.id}/token`, { token: await adminToken() });
    await probe('probe.after');
    const closed = await old.closed;
    expect(closed).toMatchObject({ code: 4401, reason: 'token_revoked' });
    expect(closed.afterMs).toBeLessThan(1000);
    expect(old.types).toEqual(['hello']);
    const fresh = await listen(reissued.body.token);
    await probe('probe.fresh');
    expect(fresh.types).toEqual(['hello', 'probe.fresh']);
    fresh.socket.close();
  });

  it('closes a disabled user, and a user whose role changed; a second user goes on', async () => {
    const clerk = await h.userToken('clerk');
    const backoffice = await h.userToken('backoffice');
    const second = await h.userToken('clerk');
    const [a, b, c] = await Promise.all([listen(clerk), listen(backoffice), listen(second)]);
    a.since();
    b.since();
    expect((await h.api('PATCH', `/users/${await userId(clerk)}`, { token: await adminToken(), body: { active: false } })).status).toBe(200);
    expect((await h.api('PATCH', `/users/${await userId(backoffice)}`, { token: await adminToken(), body: { role: 'supervisor' } })).status).toBe(200);
    h.hall.events.publish('case.updated', { id: 1 }, ['clerk', 'backoffice', 'supervisor']);
    await probe('probe.after');
    const [disabled, changed] = await Promise.all([a.closed, b.closed]);
    expect(disabled).toMatchObject({ code: 4401, reason: 'user_disabled' });
    expect(changed).toMatchObject({ code: 4401, reason: 'role_changed' });
    expect(Math.max(disabled.afterMs, changed.afterMs)).toBeLessThan(1000);
    expect(a.types).toEqual(['hello']);
    expect(b.types).toEqual(['hello']);
    expect(c.types).toEqual(['hello', 'case.updated', 'probe.after']);
    // The new role needs a new login: the old session is over for HTTP too.
    expect((await h.api('GET', '/auth/me', { token: backoffice })).status).toBe(401);
    c.socket.close();
  });

  it('closes the socket of a session that logged out, not the same user\'s other session', async () => {
    const clerk = await h.userToken('clerk', 'twotabs');
    const otherTab = await h.login('twotabs', 'password-clerk');
    const [out, stays] = await Promise.all([listen(clerk), listen(otherTab)]);
    out.since();
    expect((await h.api('POST', '/auth/logout', { token: clerk })).status).toBe(204);
    await probe('probe.after');
    const closed = await out.closed;
    expect(closed).toMatchObject({ code: 4401, reason: 'logged_out' });
    expect(closed.afterMs).toBeLessThan(1000);
    expect(out.types).toEqual(['hello']);
    expect(stays.types).toEqual(['hello', 'probe.after']);
    stays.socket.close();
  });

  it('closes an expired session within a second, with no event to trigger it', async () => {
    const clerk = await h.userToken('clerk');
    const socket = await listen(clerk);
    h.clock.advance(12 * 3_600_000 + 1000);
    socket.since();
    const closed = await socket.closed;
    expect(closed).toMatchObject({ code: 4401, reason: 'token_expired' });
    expect(closed.afterMs).toBeLessThan(1000);
    expect(socket.types).toEqual(['hello']);
  });

  it('sends nothing to an expired credential even before the sweep comes round', async () => {
    const display = await newDevice('display');
    const socket = await listen(display.token);
    h.clock.advance(366 * 86_400_000);
    h.hall.events.publish('probe.after-expiry', null, 'all');
    expect(await socket.closed).toMatchObject({ code: 4401, reason: 'token_expired' });
    expect(socket.types).toEqual(['hello']);
  });

  it('closes within a second when the change comes from elsewhere (another process writing the database)', async () => {
    const kiosk = await newDevice('kiosk');
    const socket = await listen(kiosk.token);
    socket.since();
    h.db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ?').run(h.clock.now().toISOString(), kiosk.id);
    const closed = await socket.closed;
    expect(closed).toMatchObject({ code: 4401, reason: 'token_revoked' });
    expect(closed.afterMs).toBeLessThan(1000);
  });
});

describe('who may open a socket', () => {
  it('refuses a page from another site, before the token is even looked at', async () => {
    const display = await newDevice('display');
    const port = new URL(h.base).port;
    for (const origin of ['http://evil.example', `http://127.0.0.1:${Number(port) + 1}`, `https://localhost:${port}`, 'null', 'file://', 'app://hall.evil']) {
      expect({ origin, status: await refusedStatus(display.token, origin) }).toEqual({ origin, status: 403 });
    }
  });

  it('lets in the host\'s own pages, the desktop app and clients that send no Origin', async () => {
    const display = await newDevice('display');
    for (const origin of [h.base, 'app://hall', undefined]) {
      const socket = await listen(display.token, origin);
      expect(socket.types).toEqual(['hello']);
      socket.socket.close();
    }
  });

  it('still wants a token from a page that may connect', async () => {
    const socket = new WebSocket(eventsUrl('not-a-token'), { origin: 'app://hall' });
    expect(await new Promise((r) => socket.on('close', (code, reason) => r(`${code} ${reason}`)))).toBe('4401 unauthorized');
  });
});
