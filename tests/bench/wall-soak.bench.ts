// Issue 10's soak: the wall screen (#/dashboard/wall, 1920×1080) in Debian's Chromium, fed an
// accelerated stream equal to 8 hours of a busy hall — 30 windows, 2,000 tickets issued, called,
// served and rated on the pads, 500 cases taken in and accepted — through the built host's real HTTP
// API, in SOAK_MINUTES (10 by default: 48× real time; SOAK_MINUTES=1 streams the first tenth at the
// same pace). Every sample (30 s; a sixth of the run when shorter) it forces a GC through the
// DevTools protocol and reads the JS heap, DOM nodes and listeners, and checks that the wall's
// "served today" reaches the count the stream has had acknowledged within a few seconds.
// Needs `npm run build` (the renderer is served by the host). 127.0.0.1 only; bounded in time.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { afterAll, beforeAll, it } from 'vitest';
import { must, startBenchHost, type BenchHost } from './support/bench-host.js';
import { printTable } from './support/stats.js';
import { STAFF_PASSWORD, WINDOWS, setupOverHttp } from './support/year-hall.js';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const DURATION_MS = MINUTES * 60_000;
const SHARE = Math.min(1, MINUTES / 10);
const TICKETS = Math.round(2_000 * SHARE);
const CASES = Math.round(500 * SHARE);
const SAMPLE_MS = Math.min(30_000, DURATION_MS / 6);
const BASELINE_MS = Math.min(60_000, DURATION_MS / 4);
/** How long the wall may lag behind the stream before it counts as stopped. */
const LAG_LIMIT_MS = 5_000;
const RATED_SHARE = 0.6;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => process.stdout.write(`${line}\n`);

let h: BenchHost;
let browser: Browser;
let padTokens: string[];
/** Each window's clerk, signed in; logins one after another, as the login limiter expects from one address. */
const counters: Array<{ id: number; clerk: string }> = [];

beforeAll(async () => {
  h = await startBenchHost();
  ({ padTokens } = await setupOverHttp(h));
  const windows = (await must(h.call('GET', '/windows', h.admin), 'windows')) as Array<{ id: number; number: number }>;
  for (let n = 1; n <= WINDOWS; n++) {
    const clerk = (await must(h.call('POST', '/auth/login', null, { username: `clerk${n}`, password: STAFF_PASSWORD }), 'login')).token as string;
    const id = windows.find((w) => w.number === n)!.id;
    await must(h.call('POST', `/windows/${id}/sign-in`, clerk), 'sign-in');
    counters.push({ id, clerk });
  }
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

interface Counts {
  issued: number;
  served: number;
  rated: number;
  cases: number;
  errors: number;
}

/** The stream: a kiosk issuing at an even pace, 30 windows calling and serving, a clerk taking in cases. */
function startStream(counts: Counts, until: number): Promise<unknown> {
  const ok = async (res: Promise<{ status: number; body: any }>) => {
    const r = await res;
    if (r.status >= 300) counts.errors++;
    return r.status < 300 ? r.body : null;
  };
  const kiosk = async () => {
    const token = (await must(h.call('POST', '/devices', h.admin, { name: '取号机', kind: 'kiosk' }), 'kiosk')).token as string;
    const codes = ['A', 'A', 'A', 'B', 'B', 'C', 'D', 'E', 'F'];
    for (let i = 0; i < TICKETS && Date.now() < until; i++) {
      const due = startedAt + (i * DURATION_MS * 0.95) / TICKETS;
      if (due > Date.now()) await sleep(due - Date.now());
      if (await ok(h.call('POST', '/queue/tickets', token, { categoryCode: codes[i % codes.length] }))) counts.issued++;
    }
  };
  const window = async (n: number) => {
    const { id, clerk } = counters[n - 1]!;
    // A visit takes about 30 windows × the issue interval, so the windows keep up with the kiosk.
    const visitMs = (WINDOWS * DURATION_MS * 0.95) / TICKETS;
    while (Date.now() < until) {
      const called = await ok(h.call('POST', `/windows/${id}/call-next`, clerk));
      const ticket = called?.ticket as { id: number } | null | undefined;
      if (!ticket) {
        await sleep(500);
        continue;
      }
      await sleep(visitMs * 0.1);
      await ok(h.call('POST', `/queue/tickets/${ticket.id}/start`, clerk, {}));
      await sleep(visitMs * (0.3 + Math.random() * 0.5));
      if (await ok(h.call('POST', `/queue/tickets/${ticket.id}/complete`, clerk, {}))) counts.served++;
      if (Math.random() < RATED_SHARE) {
        const level = Math.random() < 0.05 ? 1 + Math.floor(Math.random() * 2) : 3 + Math.floor(Math.random() * 3);
        if (await ok(h.call('POST', '/ratings', padTokens[n - 1]!, { ticketId: ticket.id, level }))) counts.rated++;
      }
    }
  };
  const intake = async () => {
    const clerk = counters[0]!.clerk;
    const items = (await must(h.call('GET', '/items', clerk), 'items')) as { rows?: Array<{ code: string }> } | Array<{ code: string }>;
    const list = Array.isArray(items) ? items : items.rows ?? [];
    const item = await must(h.call('GET', `/items/${list[0]!.code}`, clerk), 'item');
    const materials = (item.materials as Array<{ name: string; requirement: string; originals: number; copies: number }>)
      .filter((m) => m.requirement === 'required')
      .map((m) => ({ name: m.name, originals: m.originals, copies: m.copies }));
    const applicant = { kind: 'person', name: '王芳', idType: 'resident_id', idNumber: '11010519491231002X', mobile: '13812345678' };
    for (let i = 0; i < CASES && Date.now() < until; i++) {
      const due = startedAt + (i * DURATION_MS * 0.95) / CASES;
      if (due > Date.now()) await sleep(due - Date.now());
      const created = await ok(h.call('POST', '/cases', clerk, { itemCode: item.code, applicant, materials, channel: 'window' }));
      if (!created) continue;
      counts.cases++;
      await ok(h.call('POST', `/cases/${created.id}/actions`, clerk, { action: 'accept' }));
    }
  };
  const startedAt = Date.now();
  return Promise.all([kiosk(), intake(), ...Array.from({ length: WINDOWS }, (_, i) => window(i + 1))]);
}

interface Sample {
  atS: number;
  heapMB: number;
  nodes: number;
  listeners: number;
  updates: number;
  served: number;
  wall: number;
  lagMs: number | null;
}

async function metrics(cdp: CDPSession): Promise<{ heapMB: number; nodes: number; listeners: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  const m = new Map((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
  return { heapMB: usage.usedSize / 2 ** 20, nodes: m.get('Nodes') ?? 0, listeners: m.get('JSEventListeners') ?? 0 };
}

/** With SOAK_HEAP_SNAPSHOTS=<folder>: a heap snapshot at the baseline and at the end, to compare in DevTools. */
async function snapshot(cdp: CDPSession, name: string): Promise<void> {
  const folder = process.env.SOAK_HEAP_SNAPSHOTS;
  if (!folder) return;
  const chunks: string[] = [];
  const take = (e: { chunk: string }) => void chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', take);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', take);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, `${name}.heapsnapshot`), chunks.join(''));
}

/** The wall's "served today" as a number (0 while it shows "—" or is loading). */
const wallServed = async (page: Page) => Number((await page.getByTestId('wall-served-value').textContent({ timeout: 5_000 }).catch(() => '0')) ?? '0') || 0;

/** Waits until the wall shows at least `served`; the time it took, or null past the limit. */
async function lagUntil(page: Page, served: number): Promise<{ lagMs: number | null; wall: number }> {
  const started = Date.now();
  let wall = await wallServed(page);
  while (wall < served) {
    if (Date.now() - started > LAG_LIMIT_MS) return { lagMs: null, wall };
    await sleep(100);
    wall = await wallServed(page);
  }
  return { lagMs: Date.now() - started, wall };
}

it(`the wall screen through ${MINUTES} min of an accelerated busy hall: heap and liveness`, async () => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(`${h.base}/`);
  const form = page.getByTestId('login-form');
  await form.locator('input').nth(0).fill('lead1');
  await form.locator('input[type=password]').fill(STAFF_PASSWORD);
  await form.locator('button[type=submit]').click();
  await page.getByTestId('main-nav').waitFor();
  await page.goto(`${h.base}/#/dashboard/wall`);
  await page.getByTestId('wall-served-value').waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const start = await metrics(cdp);

  const counts: Counts = { issued: 0, served: 0, rated: 0, cases: 0, errors: 0 };
  const started = Date.now();
  const until = started + DURATION_MS;
  const stream = startStream(counts, until);
  const samples: Sample[] = [];
  let baseline: Sample | null = null;
  const updates = async () => Number(await page.getByTestId('wall').locator('.wall-canvas').getAttribute('data-updates'));
  const sample = async () => {
    const served = counts.served;
    const { lagMs, wall } = await lagUntil(page, served);
    const m = await metrics(cdp);
    const s: Sample = { atS: Math.round((Date.now() - started) / 1000), ...m, updates: await updates(), served, wall, lagMs };
    samples.push(s);
    log(`  ${s.atS} s: heap ${s.heapMB.toFixed(2)} MB, ${s.nodes} nodes, ${s.listeners} listeners, ${s.updates} refreshes; served ${served} → wall ${wall} (${lagMs === null ? 'STALE' : `${lagMs} ms`})`);
    return s;
  };
  let next = started + SAMPLE_MS;
  while (Date.now() < until) {
    const baselineDue = baseline === null && Date.now() >= started + BASELINE_MS;
    if (baselineDue) {
      baseline = await sample();
      await snapshot(cdp, 'baseline');
    }
    else if (Date.now() >= next) {
      await sample();
      next += SAMPLE_MS;
    }
    await sleep(250);
  }
  await stream;
  await sleep(3_000); // the last burst's refresh
  const end = await sample();
  await snapshot(cdp, 'end');
  const first = baseline ?? samples[0]!;

  printTable(`wall soak: ${MINUTES} min, ${counts.issued} tickets issued, ${counts.served} served, ${counts.rated} rated, ${counts.cases} cases (${counts.errors} refused requests)`, ['at', 'heap', 'DOM nodes', 'listeners', 'refreshes', 'served (stream → wall)', 'wall lag'],
    samples.map((s) => [`${s.atS} s`, `${s.heapMB.toFixed(2)} MB`, String(s.nodes), String(s.listeners), String(s.updates), `${s.served} → ${s.wall}`, s.lagMs === null ? 'STALE' : `${s.lagMs} ms`]));
  const growth = end.heapMB / first.heapMB;
  const stale = samples.filter((s) => s.lagMs === null).length;
  const lags = samples.map((s) => s.lagMs).filter((l): l is number => l !== null);
  log([
    '',
    '== wall soak summary ==',
    `page opened: heap ${start.heapMB.toFixed(2)} MB; after the first ${(BASELINE_MS / 1000).toFixed(0)} s ${first.heapMB.toFixed(2)} MB, ${first.nodes} nodes, ${first.listeners} listeners; after the stream ${end.heapMB.toFixed(2)} MB, ${end.nodes} nodes, ${end.listeners} listeners`,
    `heap after ÷ after the first minute = ${growth.toFixed(3)} (goal ≤ 1.10: ${growth <= 1.1 ? 'met' : 'NOT met'})`,
    `liveness: ${samples.length} samples, ${stale} stale (wall behind the stream > ${LAG_LIMIT_MS} ms), worst lag ${lags.length ? Math.max(...lags) : '—'} ms; ${end.updates} refreshes in all`,
    '',
  ].join('\n'));
  await context.close();
}, 3_600_000);
