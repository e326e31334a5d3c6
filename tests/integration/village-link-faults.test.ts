// The village node's link to the hall through a fault-injecting TCP proxy (DESIGN §9, issue 9):
// drops, stalls, resets mid-body and replies lost after the hall committed; two nodes' records
// arrive exactly once and in per-request order; then kill -9 of the node ×10 and crashes of the hall
// ×5 during the exchange, and a normal run: exactly once, nothing pending, the node's database intact
// and its audit chain whole. The hall here is tests/support/mini-village-hall.ts (an honest §9 server
// in this process), so "hall crash" drops every connection and stops listening, keeping what it had
// committed, as a killed process with its database would.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/hall/audit/chain.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { startMiniHall, type MiniHall } from '../support/mini-village-hall.js';
import { nodeHealth, openNodeDatabase, pairNode, seedNode, sha256, startNodeProcess, type NodeProcess, type SeededNode } from './support/village-node.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dirs: string[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), `village-${name}-`));
  dirs.push(dir);
  return dir;
};
const nodeArgs = (data: string) => ['--data', data, '--sync-interval', '1', '--retry-cap', '1', '--log-level', 'warn'];

let hall: MiniHall;
let proxy: FaultProxy;
beforeAll(async () => {
  hall = await startMiniHall();
  proxy = await startFaultProxy({ target: { host: '127.0.0.1', port: hall.port }, seed: 9, stallMs: 1_500 });
});
afterAll(async () => {
  await proxy.close();
  await hall.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Each record arrived once, and each request's records arrived in seq order 1, 2, 3… */
function checkExactlyOnceInOrder(seeded: SeededNode, nodeId: string): void {
  const mine = hall.records.filter((r) => r.nodeId === nodeId);
  expect(mine.map((r) => r.recordId).sort()).toEqual([...seeded.ids].sort());
  for (const [requestId, ids] of seeded.byRequest) {
    const arrived = mine.filter((r) => r.requestId === requestId);
    expect(arrived.map((r) => r.recordId)).toEqual(ids);
    expect(arrived.map((r) => r.seq)).toEqual(ids.map((_, i) => i + 1));
  }
  for (const sha of seeded.scans.keys()) {
    const upload = hall.scans.get(sha);
    expect(upload?.complete).toBe(true);
    expect(sha256(Buffer.concat(upload!.chunks))).toBe(sha);
  }
}

async function drained(node: NodeProcess, limitMs: number): Promise<void> {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    const h = await nodeHealth(node.base).catch(() => null);
    if (h && h.pending.records === 0 && h.pending.scans === 0) return;
    await sleep(200);
  }
  throw new Error(`node ${node.base} still has work after ${limitMs} ms: ${JSON.stringify(await nodeHealth(node.base))}`);
}

function checkNodeDatabase(data: string): void {
  const db = openNodeDatabase(data);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare("SELECT state, count(*) AS n FROM link_outbox GROUP BY state").all()).toEqual([{ state: 'done', n: expect.any(Number) }]);
    expect(db.prepare("SELECT count(*) AS n FROM scans WHERE state <> 'done'").get()).toEqual({ n: 0 });
    expect(verifyAudit(db)).toMatchObject({ ok: true, firstBadId: null });
  } finally {
    db.close();
  }
}

describe('village link through a faulty network', () => {
  it('500 records from one node and 200 from another arrive exactly once, in order, with their scans', async () => {
    const dataA = tempDir('a');
    const dataB = tempDir('b');
    const seededA = seedNode(dataA, { requests: 100, perRequest: 5, scanBytes: 24 * 1024 });
    const seededB = seedNode(dataB, { requests: 40, perRequest: 5, scanBytes: 24 * 1024 });
    hall.addNode('token-a', 'node-a');
    hall.addNode('token-b', 'node-b');
    for (const [data, token, id] of [[dataA, 'token-a', 'node-a'], [dataB, 'token-b', 'node-b']] as const) {
      const db = openNodeDatabase(data);
      pairNode(db, proxy.url, token, id);
      db.close();
    }
    proxy.setRates({ drop: 0.05, stall: 0.02, cut: 0.1, loseReply: 0.1 });
    const before = { ...hall.counters };
    const [a, b] = await Promise.all([startNodeProcess(nodeArgs(dataA)), startNodeProcess(nodeArgs(dataB))]);
    try {
      await Promise.all([drained(a, 100_000), drained(b, 100_000)]);
    } finally {
      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
    }
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    checkExactlyOnceInOrder(seededA, 'node-a');
    checkExactlyOnceInOrder(seededB, 'node-b');
    checkNodeDatabase(dataA);
    checkNodeDatabase(dataB);
    // The faults happened and were answered: replies lost after commit come back as duplicates.
    expect(proxy.counts.dropped + proxy.counts.stalled + proxy.counts.cut + proxy.counts.lostReplies).toBeGreaterThan(10);
    expect(hall.counters.duplicates - before.duplicates).toBeGreaterThan(0);
    expect(hall.counters.outOfOrder).toBe(0);
    process.stdout.write(
      `village link faults: 700 records, 140 scans; ${proxy.counts.connections} connections, ${proxy.counts.dropped} dropped, ` +
        `${proxy.counts.stalled} stalled, ${proxy.counts.cut} cut, ${proxy.counts.lostReplies} replies lost; ${hall.counters.batches - before.batches} batches, ` +
        `${hall.counters.duplicates - before.duplicates} duplicates answered\n`,
    );
  }, 110_000);

  it('kill -9 of the node ×10 and crashes of the hall ×5 during the exchange, then a normal run: exactly once, nothing pending', async () => {
    const data = tempDir('kill');
    const seeded = seedNode(data, { requests: 60, perRequest: 5, scanBytes: 8 * 1024 });
    hall.addNode('token-k', 'node-k');
    const db = openNodeDatabase(data);
    pairNode(db, proxy.url, 'token-k', 'node-k');
    db.close();
    // A slow link with some faults, so that each kill lands while records and scans are moving.
    proxy.setRates({ drop: 0.03, stall: 0, cut: 0.05, loseReply: 0.05 });
    const progress = () => hall.records.filter((r) => r.nodeId === 'node-k').length + [...seeded.scans.keys()].filter((s) => hall.scans.get(s)?.complete).length;
    const TOTAL = seeded.ids.length + seeded.scans.size;
    const thresholds = Array.from({ length: 10 }, (_, i) => Math.floor(((i + 1) * TOTAL * 0.6) / 11));
    let killedMidway = 0;
    let hallCrashes = 0;
    for (let i = 0; i < 10; i++) {
      const node = await startNodeProcess(nodeArgs(data));
      const until = Date.now() + 20_000;
      while (progress() < thresholds[i]! && Date.now() < until) await sleep(5);
      if (i % 2 === 1) {
        // The hall goes down mid-exchange and comes back with what it committed.
        hall.crash();
        hallCrashes += 1;
        await sleep(300);
        await hall.restart();
        await sleep(100 + Math.random() * 200);
      }
      await sleep(Math.random() * 50);
      if (progress() < TOTAL) killedMidway += 1;
      node.child.kill('SIGKILL');
      await node.exited;
    }
    expect(killedMidway).toBe(10);
    expect(hallCrashes).toBe(5);
    proxy.setRates({ drop: 0, stall: 0, cut: 0 });
    const node = await startNodeProcess(nodeArgs(data));
    try {
      await drained(node, 30_000);
      const health = await nodeHealth(node.base);
      expect(health).toMatchObject({ paired: true, hallReachable: true, pending: { records: 0, scans: 0 } });
    } finally {
      node.child.kill('SIGTERM');
    }
    expect(await node.exited).toBe(0);
    checkExactlyOnceInOrder(seeded, 'node-k');
    checkNodeDatabase(data);
    process.stdout.write(`village link kills: ${seeded.ids.length} records, ${seeded.scans.size} scans, 10 node kills, 5 hall crashes; exactly once\n`);
  }, 100_000);
});
