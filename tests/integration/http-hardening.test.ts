// Issue 8.7: the smaller holes at the HTTP edge. Ids are plain decimals; router-level refusals
// (bad URL, 414, 431, too-large body) use the error shape with a real message; every answer carries
// nosniff and a CSP; a kiosk's retried ticket request returns the ticket it already got.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type TestHall } from './support/hall.js';
import { setupQueue, type QueueFixture } from './support/queue.js';

let h: TestHall;
let q: QueueFixture;

beforeAll(async () => {
  h = await startHall();
  q = await setupQueue(h, 1);
});
afterAll(() => h.close());

/** Sends bytes as they are and reads the whole answer (the host closes after router-level errors). */
function rawExchange(base: string, request: string): Promise<string> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => socket.end(request));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => (text += c));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

function bodyOf(answer: string): { error: { code: string; message: string } } {
  return JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
}

describe('ids are plain decimal numbers', () => {
  it.each(['%20%201', '0x10', '+1', '1e3', '01', '1.0', '-1', '0', '1%00', '９', '99999999999999999999'])('refuses /devices/%s/revoke and changes nothing', async (id) => {
    const device = (await h.api('POST', '/devices', { token: q.admin, body: { name: `显示屏${id.length}`, kind: 'display' } })).body;
    const before = h.db.prepare('SELECT revoked_at FROM devices WHERE id = ?').get(device.id);
    const res = await h.api('POST', `/devices/${id}/revoke`, { token: q.admin });
    expect(res.status, id).toBe(400);
    expect(res.body.error.details[0].field).toBe('id');
    expect(res.body.error.message).toContain(id === '0' ? '不能小于 1' : '十进制');
    expect(h.db.prepare('SELECT revoked_at FROM devices WHERE id = ?').get(device.id)).toEqual(before);
    expect(h.db.prepare('SELECT count(*) AS n FROM devices WHERE revoked_at IS NOT NULL').get()).toEqual({ n: 0 });
  });

  it('a ticket is not cancelled through a hex spelling of its id', async () => {
    const t = (await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'A' } })).body;
    const hexId = '0x' + t.id.toString(16);
    const res = await h.api('POST', `/queue/tickets/${hexId}/cancel`, { token: q.windows[0]!.clerk, body: {} });
    expect(res.status).toBe(400);
    expect(h.db.prepare('SELECT status FROM tickets WHERE id = ?').get(t.id)).toEqual({ status: 'waiting' });
  });

  it('query numbers are strict too', async () => {
    const res = await h.api('GET', '/cases?limit=1e1', { token: q.admin });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('limit');
  });
});

describe('refusals before any route ran use the error shape', () => {
  it('a URL that does not decode is 400 naming the address', async () => {
    const answer = await rawExchange(h.base, 'GET /api/v1/users/%E0%A4%A HTTP/1.1\r\nHost: x\r\nAccept-Language: en\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    const body = bodyOf(answer);
    expect(body.error.code).toBe('validation');
    expect(body.error.message).toMatch(/Request address/);
  });

  it('a plain GET of the events socket is a 400 in the error shape, not a bare 404', async () => {
    const res = await h.api('GET', '/events');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('请求地址：只接受 WebSocket 连接');
  });

  it('a too-long path parameter is 414', async () => {
    const res = await h.api('GET', `/users/${'1'.repeat(300)}`, { token: q.admin });
    expect(res.status).toBe(414);
    expect(res.body.error.code).toBe('uri_too_long');
    expect(res.body.error.message).toBe('请求地址过长');
  });

  it('headers too large are 431 in the error shape', async () => {
    const answer = await rawExchange(h.base, `GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431/);
    expect(answer.toLowerCase()).toContain('x-content-type-options: nosniff');
    expect(bodyOf(answer).error).toEqual({ code: 'headers_too_large', message: '请求头过大' });
  });

  it('a too-large body names the limit in KB, never a raw {{max}}', async () => {
    const res = await h.api('POST', '/auth/login', { rawBody: JSON.stringify({ username: 'x', password: 'y'.repeat(3 * 1024 * 1024) }), lang: 'en' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Request body: must be at most 2048 KB');
    expect(res.body.error.message).not.toContain('{{');
  });
});

describe('security headers', () => {
  it('API JSON, errors and 404s carry nosniff and a CSP that lets nothing run', async () => {
    for (const [path, token] of [['/health', undefined], ['/users', undefined], ['/nothing', undefined], ['/users', q.admin]] as const) {
      const res = await h.api('GET', path, { token });
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('content-security-policy'), path).toContain("default-src 'none'");
    }
  });
});

describe('ticket issue is idempotent per terminal key', () => {
  const count = () => (h.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;

  it('a retry with the same key returns the same ticket and makes no second one', async () => {
    const before = count();
    const first = await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'A', issueKey: 'press-0001-aaaa' } });
    const again = await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'A', issueKey: 'press-0001-aaaa' } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.number).toBe(first.body.number);
    expect(count()).toBe(before + 1);
  });

  it('ten parallel retries of one press make one ticket', async () => {
    const before = count();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'B', issueKey: 'press-0002-bbbb' } })),
    );
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(count()).toBe(before + 1);
  });

  it('another key is another ticket; the same key for another category is refused', async () => {
    const a = await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'A', issueKey: 'press-0003-cccc' } });
    const b = await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'A', issueKey: 'press-0004-dddd' } });
    expect(b.body.id).not.toBe(a.body.id);
    const before = count();
    const wrong = await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'B', issueKey: 'press-0003-cccc' } });
    expect(wrong.status).toBe(409);
    expect(count()).toBe(before);
  });

  it("keys are the terminal's own: a clerk's same key is a different request", async () => {
    const kiosk = await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'A', issueKey: 'press-0005-eeee' } });
    const clerk = await h.api('POST', '/queue/tickets', { token: q.windows[0]!.clerk, body: { categoryCode: 'A', issueKey: 'press-0005-eeee' } });
    const clerkAgain = await h.api('POST', '/queue/tickets', { token: q.windows[0]!.clerk, body: { categoryCode: 'A', issueKey: 'press-0005-eeee' } });
    expect(clerk.body.id).not.toBe(kiosk.body.id);
    expect(clerkAgain.body.id).toBe(clerk.body.id);
  });

  it('a malformed key is a 400 naming the field', async () => {
    const res = await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'A', issueKey: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('issueKey');
  });
});
