// The back-office case list and case detail as the hall grows: 10k, 100k and 1M cases (≈10 audit rows
// each, so 10M at the top), written straight into one data folder while the host is stopped and grown
// from size to size. At each size the built host is started on it and, while a few counters keep
// calling next, the back office pages the list (status + item, sorted by due date; first page and
// offset 5 000) and opens random cases with their timeline. The first row is the same hall empty.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { verifyAudit } from '../../electron/hall/audit/chain.js';
import { openHostDatabase } from '../integration/support/host-process.js';
import { must, setupHall, startBenchHost, type BenchHost, type Counter } from './support/bench-host.js';
import { generateCases } from './support/case-generator.js';
import { bounded, ms, percentile, printTable } from './support/stats.js';

const SIZES = (process.env.BENCH_CASE_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const VERIFY = process.env.BENCH_VERIFY_AUDIT !== '0';
const COUNTERS = 4;
const BACKOFFICE = 2;
const RUNS = 300;
const PHASE_BUDGET_MS = 30_000;
const DEEP_OFFSET = 5_000;
const STATUS = 'in_review';
const GOAL_MS = 50;

let dataDir: string;
let h: BenchHost | null = null;
let kiosk: string;
let counters: Counter[];
let backoffice: string;
let admin: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'hall-bench-cases-'));
  h = await startBenchHost({ dataDir, keep: true });
  ({ kiosk, counters } = await setupHall(h, COUNTERS));
  admin = h.admin;
  for (let i = 1; i <= BACKOFFICE; i++) {
    await must(h.call('POST', '/users', admin, { username: `back${i}`, password: 'bench-back-pass', displayName: `后台${i}`, role: 'backoffice' }), 'user');
  }
  backoffice = (await must(h.call('POST', '/auth/login', null, { username: 'back1', password: 'bench-back-pass' }), 'login')).token as string;
}, 120_000);

afterAll(async () => {
  await h?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Measured {
  list: number[];
  deep: number[];
  detail: number[];
  /** No filter, default order: the count runs over every case (the cost of `total` at its worst). */
  unfiltered: number[];
  /** Call-next while the list and detail run, and while the unfiltered list runs. */
  callNext: number[];
  callNextUnfiltered: number[];
  listTotal: number;
}

/** Call-next from every counter, round after round, until `stop` says the back office is done. */
async function callNextLoop(host: BenchHost, stop: () => boolean, latencies: () => number[]): Promise<void> {
  while (!stop()) {
    for (let i = 0; i < COUNTERS; i++) await must(host.call('POST', '/queue/tickets', kiosk, { categoryCode: 'A' }), 'ticket');
    await Promise.all(
      counters.map(async (c) => {
        const sent = performance.now();
        const body = await must(host.call('POST', `/windows/${c.windowId}/call-next`, c.clerk), 'call-next');
        latencies().push(performance.now() - sent);
        const id = body.ticket?.id as number | undefined;
        if (id === undefined) return;
        await must(host.call('POST', `/queue/tickets/${id}/start`, c.clerk, {}), 'start');
        await must(host.call('POST', `/queue/tickets/${id}/complete`, c.clerk, {}), 'complete');
      }),
    );
    // A counter calls every few seconds in a hall; here a round every 20 ms keeps them overlapping the queries.
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function measure(host: BenchHost, size: number, item: string): Promise<Measured> {
  const m: Measured = { list: [], deep: [], detail: [], unfiltered: [], callNext: [], callNextUnfiltered: [], listTotal: 0 };
  const timed = async (into: number[], url: string) => {
    const started = performance.now();
    const body = await must(host.call('GET', url, backoffice), url);
    into.push(performance.now() - started);
    return body;
  };
  const listUrl = (offset: number) => `/cases?status=${STATUS}&item=${item}&sort=due&offset=${offset}&limit=50`;
  // Warm-up: JIT, statement caches, the first pages of the indexes.
  for (let i = 0; i < 20; i++) {
    await timed([], listUrl(0));
    await timed([], listUrl(DEEP_OFFSET));
    if (size > 0) await timed([], `/cases/${1 + ((i * 7919) % size)}`);
  }
  let done = false;
  let sink = m.callNext;
  const calls = callNextLoop(host, () => done, () => sink);
  try {
    await bounded(RUNS, PHASE_BUDGET_MS, async () => {
      m.listTotal = (await timed(m.list, listUrl(0))).total as number;
    });
    await bounded(RUNS, PHASE_BUDGET_MS, async () => void (await timed(m.deep, listUrl(DEEP_OFFSET))));
    if (size > 0) await bounded(RUNS, PHASE_BUDGET_MS, async (i) => void (await timed(m.detail, `/cases/${1 + ((i * 104_729 + 17) % size)}`)));
    sink = m.callNextUnfiltered;
    await bounded(RUNS / 3, PHASE_BUDGET_MS, async () => void (await timed(m.unfiltered, '/cases?limit=50')));
  } finally {
    done = true;
    await calls;
  }
  return m;
}

const p = (v: number[], q: number) => percentile(v, q);
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `×${(a / b).toFixed(2)}` : '–');

it(`case list and detail at ${SIZES.join(', ')} cases, with call-next beside them`, async () => {
  const host = h!;
  const empty = await measure(host, 0, 'none');
  await host.stop();
  h = null;

  const results: Array<{ size: number; m: Measured; genMs: number; audit: number; events: number; dbBytes: number; verify: string }> = [];
  let auditTotal = 0;
  let eventTotal = 0;
  for (const size of SIZES) {
    const dbFile = path.join(dataDir, 'hall.db');
    const gen = generateCases(dbFile, size);
    auditTotal += gen.audit;
    eventTotal += gen.events;
    process.stdout.write(`generated ${gen.added} cases (${gen.events} timeline, ${gen.materials} check-list, ${gen.audit} audit rows) in ${(gen.ms / 1000).toFixed(1)} s → ${size} cases\n`);
    h = await startBenchHost({ dataDir, keep: true });
    const m = await measure(h, size, gen.topItem);
    await h.stop();
    h = null;
    let verify = 'skipped';
    if (VERIFY) {
      const started = performance.now();
      const db = openHostDatabase(dataDir, { readonly: true });
      const v = verifyAudit(db);
      db.close();
      verify = `${v.ok ? 'ok' : `BROKEN at ${v.firstBadId}`} (${v.checked} rows, ${((performance.now() - started) / 1000).toFixed(1)} s)`;
    }
    results.push({ size, m, genMs: gen.ms, audit: auditTotal, events: eventTotal, dbBytes: statSync(dbFile).size, verify });
  }

  printTable('per size: p50 / p95 / p99 over HTTP (list = status in_review + most frequent item, sort=due, 50 a page)', ['cases', 'list first page', `list offset ${DEEP_OFFSET}`, 'detail + timeline', 'all cases, no filter', `call-next (${COUNTERS} counters) beside list/detail`, 'call-next beside no-filter list'], [
    ['0 (empty hall)', ...[empty.list, empty.deep, empty.detail, empty.unfiltered, empty.callNext, empty.callNextUnfiltered].map((v) => `${ms(p(v, 50))} / ${ms(p(v, 95))} / ${ms(p(v, 99))}`)],
    ...results.map((r) => [String(r.size), ...[r.m.list, r.m.deep, r.m.detail, r.m.unfiltered, r.m.callNext, r.m.callNextUnfiltered].map((v) => `${ms(p(v, 50))} / ${ms(p(v, 95))} / ${ms(p(v, 99))}`)]),
  ]);
  const base = results[0]!;
  printTable('how cost grows: p95, and the ratio to the smallest size (call-next: to the empty hall)', ['cases', 'audit rows', 'db', 'generated in', 'list total', 'list p95', 'deep p95', 'detail p95', 'no-filter p95', 'call-next p95', 'list ×', 'deep ×', 'detail ×', 'call-next ×', 'audit verify'], [
    ['0', '–', '–', '–', '0', ms(p(empty.list, 95)), ms(p(empty.deep, 95)), 'n/a', ms(p(empty.unfiltered, 95)), ms(p(empty.callNext, 95)), '', '', '', '', ''],
    ...results.map((r) => [
      String(r.size), String(r.audit), `${(r.dbBytes / 2 ** 30).toFixed(2)} GiB`, `${(r.genMs / 1000).toFixed(1)} s`, String(r.m.listTotal),
      ms(p(r.m.list, 95)), ms(p(r.m.deep, 95)), ms(p(r.m.detail, 95)), ms(p(r.m.unfiltered, 95)), ms(p(r.m.callNext, 95)),
      ratio(p(r.m.list, 95), p(base.m.list, 95)), ratio(p(r.m.deep, 95), p(base.m.deep, 95)), ratio(p(r.m.detail, 95), p(base.m.detail, 95)),
      ratio(p(r.m.callNext, 95), p(empty.callNext, 95)), r.verify,
    ]),
  ]);
  const top = results[results.length - 1]!;
  const worst = Math.max(p(top.m.list, 95), p(top.m.deep, 95), p(top.m.detail, 95));
  process.stdout.write(`goal at ${top.size} cases: list, deep page and detail p95 ≤ ${GOAL_MS} ms: ${worst <= GOAL_MS ? 'met' : 'NOT met'} (worst ${ms(worst)}); ` +
    `call-next p95 ${ms(p(top.m.callNext, 95))} vs ${ms(p(empty.callNext, 95))} in the empty hall (${ratio(p(top.m.callNext, 95), p(empty.callNext, 95))}); ` +
    `beside the unfiltered list (count over every case) ${ms(p(top.m.callNextUnfiltered, 95))}\n`);
}, 3_600_000);
