// Issue 8.1: authentication was skipped for another spelling of a path (`/%61pi/v1/users`). Every route
// in the route table, spelt every way a client can spell it, without a token: never 2xx unless the
// route itself is public, never 5xx, and nothing is created.
import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteSpec } from '../../electron/hall/http/route.js';
import { startHall, type TestHall } from './support/hall.js';

/** A plausible value for each path parameter, so the plain spelling reaches the handler. */
const PARAM_VALUES: Record<string, string> = { id: '1', code: 'A', date: '2026-03-02', year: '2026', kind: 'receipt', recordId: 'r1' };

function concrete(url: string): string {
  return '/api/v1' + url.replace(/:([A-Za-z]+)/g, (_m, name: string) => PARAM_VALUES[name] ?? '1');
}

const hex = (c: string) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0');

/** Every other spelling of one path a client or an attacker may send. */
export function spellings(p: string): string[] {
  const segments = p.split('/').slice(1);
  const out = new Set<string>();
  // Percent-encoding: one letter of each segment, lower- and upper-case hex, and the whole path.
  segments.forEach((seg, i) => {
    if (!seg) return;
    const enc = hex(seg[0]!);
    for (const e of [enc, enc.toUpperCase()]) {
      const copy = [...segments];
      copy[i] = e + seg.slice(1);
      out.add('/' + copy.join('/'));
    }
  });
  out.add(p.replace(/[a-z]/g, hex));
  out.add(p.replaceAll('/', '%2F').replace(/^%2F/, '/'));
  out.add(p.replaceAll('/', '%2f'));
  // Doubled slashes, dot segments, trailing slash, backslashes.
  segments.forEach((_seg, i) => {
    const copy = [...segments];
    copy[i] = '/' + copy[i];
    out.add('/' + copy.join('/'));
    const dotted = [...segments];
    dotted.splice(i, 0, '.');
    out.add('/' + dotted.join('/'));
    const back = [...segments];
    back.splice(i, 0, 'x', '..');
    out.add('/' + back.join('/'));
    out.add('/' + [...segments.slice(0, i), '%2e', ...segments.slice(i)].join('/'));
  });
  out.add('/' + p);
  out.add(p + '/');
  out.add(p + '//');
  out.add(p + '/.');
  out.add(p.replaceAll('/', '\\'));
  // Case.
  out.add(p.toUpperCase());
  out.add(p.replace('/api/', '/API/'));
  out.add(p.replace('/v1/', '/V1/'));
  out.add(p.replace(/\/([a-z])([^/]*)$/, (_m, a: string, b: string) => '/' + a.toUpperCase() + b));
  // Matrix parameters and other separators.
  out.add(p + ';x=1');
  out.add(p.replace('/api/', '/api;x=1/'));
  out.add(p.replace('/v1/', '/v1;/'));
  out.add(p + '%00');
  out.add(p + '%20');
  out.add(p + '?');
  out.add(p + '#x');
  out.add(p + '%3Fx=1');
  out.delete(p);
  return [...out];
}

/** A raw request: the path goes on the wire exactly as written (fetch would normalise dots). */
function raw(base: URL, method: string, p: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const body = method === 'GET' || method === 'DELETE' ? undefined : '{}';
    const req = http.request(
      { host: base.hostname, port: base.port, method, path: p, headers: body ? { 'content-type': 'application/json', 'content-length': '2' } : {} },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

let h: TestHall;
let rendererDir: string;

beforeAll(async () => {
  // With the built pages installed, so the static wildcard is there too (it must not serve the API).
  rendererDir = mkdtempSync(path.join(os.tmpdir(), 'hall-pages-'));
  for (const page of ['index', 'kiosk', 'display', 'rating', 'setup', 'guide']) writeFileSync(path.join(rendererDir, `${page}.html`), '<!doctype html><title>p</title>');
  mkdirSync(path.join(rendererDir, 'assets'));
  writeFileSync(path.join(rendererDir, 'assets', 'a.js'), 'void 0');
  h = await startHall({ rendererDir });
});
afterAll(async () => {
  await h.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

describe('every route, every spelling, no token', () => {
  it('generates the spellings that once got through', () => {
    const s = spellings('/api/v1/users');
    expect(s).toContain('/%61pi/v1/users');
    expect(s).toContain('//api/v1/users');
    expect(s).toContain('/api/./v1/users');
    expect(s).toContain('/api/v1/users/');
    expect(s).toContain('/API/v1/users');
    expect(s).toContain('/api/v1/users;x=1');
  });

  it('is never 2xx for a route that needs a caller, never 5xx for any, and creates nothing', async () => {
    const base = new URL(h.base);
    const routes: RouteSpec[] = h.hall.routes;
    expect(routes.length).toBeGreaterThan(50);
    const usersBefore = h.db.prepare('SELECT count(*) AS n FROM users').get();
    const auditBefore = h.db.prepare('SELECT count(*) AS n FROM audit_log').get();
    const leaks: string[] = [];
    let sent = 0;
    for (const route of routes) {
      const plain = concrete(route.url);
      const all = route.allow === 'public' ? spellings(plain) : [plain, ...spellings(plain)];
      // Eight at a time: fast, and still one host on two cores.
      for (let i = 0; i < all.length; i += 8) {
        const answers = await Promise.all(all.slice(i, i + 8).map(async (p) => ({ p, res: await raw(base, route.method, p) })));
        for (const { p, res } of answers) {
          sent++;
          if (res.status >= 500) leaks.push(`${route.method} ${p} → ${res.status}`);
          else if (route.allow !== 'public' && res.status < 300) leaks.push(`${route.method} ${p} → ${res.status} ${res.body.slice(0, 80)}`);
          else if (res.status >= 400 && res.status !== 404 && (route.allow !== 'public' || res.status !== 400)) {
            // Every refusal is in the error shape.
            const parsed = (() => {
              try {
                return JSON.parse(res.body) as { error?: { code?: string; message?: string } };
              } catch {
                return null;
              }
            })();
            if (!parsed?.error?.code || !parsed.error.message) leaks.push(`${route.method} ${p} → ${res.status} not in the error shape: ${res.body.slice(0, 80)}`);
          }
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(sent).toBeGreaterThan(routes.length * 30);
    expect(h.db.prepare('SELECT count(*) AS n FROM users').get()).toEqual(usersBefore);
    // A refused request writes no audit row either.
    expect(h.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(auditBefore);
  });

  it('the spelling that made an admin no longer does', async () => {
    const base = new URL(h.base);
    const list = await raw(base, 'GET', '/%61pi/v1/users');
    expect(list.status).toBe(401);
    expect(JSON.parse(list.body).error.code).toBe('unauthorized');
    const create = await new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({ username: 'intruder', password: 'intruder-123', displayName: 'x', role: 'admin' });
      const req = http.request({ host: base.hostname, port: base.port, method: 'POST', path: '/%61pi/v1/users', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(create).toBe(401);
    expect(h.db.prepare("SELECT count(*) AS n FROM users WHERE username = 'intruder'").get()).toEqual({ n: 0 });
  });

  it('unknown paths under the API are 404 in the error shape, with or without the pages installed', async () => {
    const base = new URL(h.base);
    for (const p of ['/api/v1/nothing-here', '/api/v1/users/1/secret', '/api/v2/users', '/%61pi/v1/nothing']) {
      const res = await raw(base, 'GET', p);
      expect(res.status, p).toBe(404);
      expect(res.body, p).toContain('"not_found"');
    }
  });
});
