// A real host for the benchmarks: the built `dist/` CLI in its own process on 127.0.0.1 (so it has a
// core of its own, as in a hall), set up over its HTTP API like an admin would.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import http from 'node:http';
import path from 'node:path';
import { startHostProcess, type HostProcess } from '../../integration/support/host-process.js';
import { PROBE_EXEC_ARGV, probeMemory, type ProbedMemory } from './memory.js';

const ADMIN_PASSWORD = 'bench-admin-pass';
const CLERK_PASSWORD = 'bench-clerk-pass';

export interface BenchHost {
  base: string;
  /** The host's process id (its memory in /proc) and what it has printed so far. */
  pid: number;
  stdout: () => string;
  dataDir: string;
  dbFile: string;
  admin: string;
  call: (method: string, url: string, token: string | null, body?: unknown) => Promise<{ status: number; body: any }>;
  /** The host's memory after a garbage collection (only with `probeMemory: true`). */
  memory(): Promise<ProbedMemory>;
  stop(): Promise<void>;
}

export interface BenchHostOptions {
  /** Start on this folder (a database written while the host was stopped) instead of a fresh one. */
  dataDir?: string;
  /** Leave the folder in place on stop; the caller removes it. */
  keep?: boolean;
  /** More command-line options for the host (`--group-commit off`). */
  args?: string[];
  /** The host's environment (LD_PRELOAD of the slow-disk shim, support/slow-fsync.ts). */
  env?: NodeJS.ProcessEnv;
  /** Options for node itself. */
  nodeArgs?: string[];
  /** Load support/memory-probe.mjs into the host, for `memory()`. */
  probeMemory?: boolean;
  /** How long the host may take to say it listens (20 s unless set): an upgrade of a big database takes longer. */
  readyTimeoutMs?: number;
}

/** BENCH_CPU_PROF=<folder>: each host writes a V8 CPU profile there when it stops (open it in Chrome's
 *  DevTools or speedscope), to see where a bench's time goes in the host. */
function profiled(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

export async function startBenchHost(options: BenchHostOptions = {}): Promise<BenchHost> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'hall-bench-'));
  const remove = () => {
    if (!options.keep) rmSync(dataDir, { recursive: true, force: true });
  };
  let host: HostProcess;
  try {
    host = await startHostProcess(['--data', dataDir, '--host', '127.0.0.1', '--admin-password', ADMIN_PASSWORD, '--log-level', 'warn', ...(options.args ?? [])], options.env, options.readyTimeoutMs, [...profiled(), ...(options.probeMemory ? PROBE_EXEC_ARGV : []), ...(options.nodeArgs ?? [])]);
  } catch (err) {
    remove();
    throw err;
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const callHost = (method: string, url: string, token: string | null, body?: unknown) => request(agent, host.base, method, url, token, body);
  const login = await callHost('POST', '/auth/login', null, { username: 'admin', password: ADMIN_PASSWORD });
  if (login.status !== 200) throw new Error(`admin login: ${login.status} ${JSON.stringify(login.body)}`);
  return {
    base: host.base,
    pid: host.child.pid!,
    stdout: host.stdout,
    dataDir,
    dbFile: path.join(dataDir, 'hall.db'),
    admin: login.body.token,
    call: callHost,
    memory: () => probeMemory(host.child, host.stderr),
    stop: async () => {
      agent.destroy();
      host.child.kill('SIGTERM');
      await Promise.race([host.exited, new Promise((r) => setTimeout(r, 10_000))]);
      remove();
    },
  };
}

/** node:http with a kept-alive agent: undici's fetch costs the client more than the host spends on a
 *  ticket, and the benches measure the host, not the client library. */
export function request(agent: http.Agent, base: string, method: string, url: string, token: string | null, body?: unknown): Promise<{ status: number; body: any }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}/api/v1${url}`, { method, headers, agent, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        // A file (the xlsx export) comes back as its bytes.
        if (!/json/.test(res.headers['content-type'] ?? 'json')) return resolve({ status: res.statusCode ?? 0, body: bytes });
        const text = bytes.toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${url} timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}

export interface Counter {
  windowId: number;
  clerk: string;
}

async function must(res: Promise<{ status: number; body: any }>, what: string): Promise<any> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Open all day, one category `A`, a kiosk, and `counters` windows serving A, each with a signed-in clerk. */
export async function setupHall(h: BenchHost, counters: number): Promise<{ kiosk: string; counters: Counter[] }> {
  const settings = await must(h.call('GET', '/queue/settings', h.admin), 'settings');
  await must(h.call('PUT', '/queue/settings', h.admin, { ...settings, periods: [{ open: '00:00', close: '23:59' }], weekdays: [1, 2, 3, 4, 5, 6, 7], holidaysClosed: false }), 'hours');
  await must(h.call('POST', '/queue/categories', h.admin, { code: 'A', name: '社保医保', prefix: 'A' }), 'category');
  const kiosk = (await must(h.call('POST', '/devices', h.admin, { name: '取号机', kind: 'kiosk' }), 'kiosk')).token as string;
  const list: Counter[] = [];
  for (let i = 1; i <= counters; i++) {
    const w = await must(h.call('POST', '/windows', h.admin, { number: i, name: `${i}号窗口`, categoryCodes: ['A'] }), 'window');
    await must(h.call('POST', '/users', h.admin, { username: `clerk${i}`, password: CLERK_PASSWORD, displayName: `窗口${i}`, role: 'clerk' }), 'user');
    const clerk = (await must(h.call('POST', '/auth/login', null, { username: `clerk${i}`, password: CLERK_PASSWORD }), 'login')).token as string;
    await must(h.call('POST', `/windows/${w.id}/sign-in`, clerk), 'sign-in');
    list.push({ windowId: w.id, clerk });
  }
  return { kiosk, counters: list };
}

export { must };

/** `rounds` rounds (at most `budgetMs`); in each, every counter presses "call next" at the same moment
 *  (timed), then all start and complete their ticket at once. A call waits behind the other counters'
 *  calls of that moment. The tickets are issued first, in `categoryCode`. */
export async function callNextRounds(h: BenchHost, kiosk: string, counters: Counter[], rounds: number, budgetMs: number, categoryCode = 'A'): Promise<{ latencies: number[]; requestsPerSecond: number }> {
  for (let i = 0; i < counters.length * rounds; i++) await must(h.call('POST', '/queue/tickets', kiosk, { categoryCode }), 'ticket');
  return callRounds(h, counters, rounds, budgetMs);
}

/** The rounds of `callNextRounds` over tickets already waiting. `requireTicket`: a call that finds no
 *  ticket fails the bench (its figure would be an empty call's) instead of being counted. */
export async function callRounds(h: BenchHost, counters: Counter[], rounds: number, budgetMs: number, requireTicket = false): Promise<{ latencies: number[]; requestsPerSecond: number }> {
  const latencies: number[] = [];
  let requests = 0;
  const started = performance.now();
  const until = started + budgetMs;
  for (let r = 0; r < rounds && performance.now() < until; r++) {
    const called = await Promise.all(
      counters.map(async (c) => {
        const sent = performance.now();
        const body = await must(h.call('POST', `/windows/${c.windowId}/call-next`, c.clerk), 'call-next');
        latencies.push(performance.now() - sent);
        return { c, id: body.ticket?.id as number | undefined };
      }),
    );
    await Promise.all(
      called.map(async ({ c, id }) => {
        if (id === undefined) {
          if (requireTicket) throw new Error('no ticket waiting: issue more before the rounds');
          return;
        }
        await must(h.call('POST', `/queue/tickets/${id}/start`, c.clerk, {}), 'start');
        await must(h.call('POST', `/queue/tickets/${id}/complete`, c.clerk, {}), 'complete');
      }),
    );
    requests += counters.length * 3;
  }
  return { latencies, requestsPerSecond: requests / ((performance.now() - started) / 1000) };
}
