// Issue 8: at least 10,000 malformed requests across every route in the route table, from every kind
// of caller. None may answer 5xx, and a refused request changes nothing: SQLite's own count of changed
// rows is checked after every request, and a checksum of every table's rows every few hundred.
import { createHash } from 'node:crypto';
import http from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteSpec } from '../../electron/hall/http/route.js';
import { addItems } from './support/cases.js';
import { startHall, type TestHall } from './support/hall.js';
import { setupQueue } from './support/queue.js';

const RUNS = 10_000;

let h: TestHall;
const callers: Record<string, string | null> = {};

beforeAll(async () => {
  h = await startHall();
  addItems(h);
  const q = await setupQueue(h, 2);
  callers.anonymous = null;
  callers.bogus = 'not-a-token-at-all';
  callers.admin = q.admin;
  callers.clerk = q.windows[0]!.clerk;
  for (const role of ['backoffice', 'agent', 'supervisor'] as const) callers[role] = await h.userToken(role);
  callers['device:kiosk'] = q.kiosk;
  callers['device:rating'] = q.rating.token;
  for (const kind of ['display', 'counter'] as const) {
    callers[`device:${kind}`] = (await h.api('POST', '/devices', { token: q.admin, body: { name: `测试${kind}`, kind } })).body.token;
  }
  // Some real records for ids to hit: tickets, one called.
  for (let i = 0; i < 3; i++) await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'A' } });
  await h.api('POST', `/windows/${q.windows[0]!.id}/call-next`, { token: q.windows[0]!.clerk });
  // Every device has been seen once at this (fixed) test time, so resolving its token writes nothing more.
  for (const token of Object.values(callers)) if (token) await h.api('GET', '/queue/state', { token });
});
afterAll(() => h.close());

function tableChecksum(): string {
  // A WITHOUT ROWID table has no rowid to order by; it is read in its primary key's order.
  const tables = h.db.prepare("SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string; wr: number }[];
  const hash = createHash('sha256');
  for (const t of tables) hash.update(t.name).update(JSON.stringify(h.db.prepare(`SELECT * FROM "${t.name}"${t.wr ? '' : ' ORDER BY rowid'}`).all()));
  return hash.digest('hex');
}
const changes = () => (h.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

interface Attempt {
  route: string;
  caller: string;
  method: string;
  path: string;
  contentType: string;
  body: string | undefined;
  /** Certainly invalid input: must be refused, not merely not crash. */
  mustRefuse: boolean;
}

const BAD_IDS = ['0x10', '+1', '1e3', '%201', '%20%201', '-1', '1.5', '01', '%00', '..%2f..', '9'.repeat(40), '%ED%A0%80', '%EF%BC%91', 'null', '%5B%5D'];

/** Percent-encodes every byte outside a few safe characters, keeping `&` and `=` so junk still
 *  looks like a query; a lone surrogate goes on the wire as its raw (invalid) UTF-8 bytes. */
function queryJunk(junk: string): string {
  let out = '';
  for (const ch of junk) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) out += '%ED%' + (0xa0 + ((code >> 6) & 0x1f)).toString(16).toUpperCase() + '%' + (0x80 + (code & 0x3f)).toString(16).toUpperCase();
    else if (/^[A-Za-z0-9&=._~-]$/.test(ch)) out += ch;
    else for (const b of Buffer.from(ch, 'utf8')) out += '%' + b.toString(16).padStart(2, '0').toUpperCase();
  }
  return out;
}

function concrete(route: RouteSpec, param: (name: string) => string): string {
  return '/api/v1' + route.url.replace(/:([A-Za-z]+)/g, (_m, name: string) => param(name));
}

const GOOD: Record<string, string> = { id: '1', code: 'A', date: '2026-03-02', year: '2026', kind: 'receipt', recordId: 'r1' };

function arbitraryAttempt(routes: RouteSpec[]): fc.Arbitrary<Attempt> {
  const junkText = fc.string({ maxLength: 60, unit: 'binary' });
  return fc
    .record({
      route: fc.constantFrom(...routes),
      caller: fc.constantFrom(...Object.keys(callers)),
      kind: fc.constantFrom('broken-json', 'wrong-type', 'junk-object', 'bad-param', 'bad-query', 'wrong-content-type', 'deep-nesting', 'huge-string'),
      junk: junkText,
      value: fc.jsonValue({ maxDepth: 3 }),
      dict: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
      badId: fc.oneof(fc.constantFrom(...BAD_IDS), junkText.map(queryJunk)),
    })
    .map(({ route, caller, kind, junk, value, dict, badId }): Attempt => {
      const hasParams = route.url.includes(':');
      const base = { route: `${route.method} ${route.url}`, caller, method: route.method, contentType: 'application/json' };
      switch (kind) {
        case 'broken-json':
          return { ...base, path: concrete(route, (n) => GOOD[n] ?? '1'), body: '{' + junk, mustRefuse: route.method !== 'GET' };
        case 'wrong-type':
          return { ...base, path: concrete(route, (n) => GOOD[n] ?? '1'), body: JSON.stringify(Array.isArray(value) || typeof value !== 'object' || value === null ? value : [value]), mustRefuse: route.method !== 'GET' };
        case 'junk-object':
          return { ...base, path: concrete(route, (n) => GOOD[n] ?? '1'), body: JSON.stringify(dict), mustRefuse: false };
        case 'bad-param':
          return { ...base, path: concrete(route, (n) => (n === 'id' || n === 'year' ? badId : GOOD[n] ?? '1')), body: '{}', mustRefuse: hasParams && /:(id|year)\b/.test(route.url) };
        case 'bad-query':
          return { ...base, path: concrete(route, (n) => GOOD[n] ?? '1') + '?' + queryJunk(junk), body: route.method === 'GET' ? undefined : '{}', mustRefuse: false };
        case 'wrong-content-type':
          return { ...base, contentType: 'application/x-www-form-urlencoded', path: concrete(route, (n) => GOOD[n] ?? '1'), body: 'a=1&b=' + encodeURIComponent(junk), mustRefuse: route.method !== 'GET' };
        case 'deep-nesting':
          return { ...base, path: concrete(route, (n) => GOOD[n] ?? '1'), body: '['.repeat(400) + ']'.repeat(400), mustRefuse: route.method !== 'GET' };
        default:
          return { ...base, path: concrete(route, (n) => GOOD[n] ?? '1'), body: JSON.stringify({ name: junk.repeat(2000), username: junk.repeat(2000), note: 'x'.repeat(100_000) }), mustRefuse: false };
      }
    });
}

function send(a: Attempt): Promise<{ status: number; body: string }> {
  const url = new URL(h.base);
  const token = callers[a.caller];
  const headers: Record<string, string | number> = { 'accept-language': 'zh-CN' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (a.body !== undefined) {
    headers['content-type'] = a.contentType;
    headers['content-length'] = Buffer.byteLength(a.body);
  }
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method: a.method, path: a.path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(a.body);
  });
}

/** Refusals that are recorded on purpose: a failed login or case lookup counts toward its limit. */
const COUNTED_REFUSALS = new Set(['POST /auth/login', 'POST /cases/lookup']);

describe(`${RUNS} malformed requests`, () => {
  it('never answer 5xx, always refuse what is certainly invalid, and a refusal changes no row', async () => {
    const routes = h.hall.routes;
    let checksum = tableChecksum();
    let sent = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(arbitraryAttempt(routes), async (a) => {
        const before = changes();
        const res = await send(a);
        sent++;
        const where = `${a.caller} ${a.method} ${a.path.slice(0, 120)} [${a.body?.slice(0, 60)}] → ${res.status} ${res.body.slice(0, 120)}`;
        expect(res.status, where).toBeLessThan(500);
        if (a.mustRefuse) expect(res.status, where).toBeGreaterThanOrEqual(400);
        if (res.status >= 400) {
          refused++;
          const body = JSON.parse(res.body) as { error: { code: string; message: string } };
          expect(typeof body.error.message, where).toBe('string');
          if (!COUNTED_REFUSALS.has(a.route)) {
            expect(changes(), where).toBe(before);
            if (sent % 250 === 0) expect(tableChecksum(), where).toBe(checksum);
          } else checksum = tableChecksum();
        } else {
          // Accepted (a junk object a lenient route ignores): the new state is the baseline.
          checksum = tableChecksum();
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261129), endOnFailure: true },
    );
    expect(sent).toBe(RUNS);
    expect(refused).toBeGreaterThan(RUNS * 0.8);
  }, 240_000);
});
