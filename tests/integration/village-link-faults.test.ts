// The village node's link to the real hall host (DESIGN §9, issue 9) through a fault-injecting TCP
// proxy: drops, stalls, resets mid-body and replies lost after the hall committed. Two nodes' records
// (500 and 200, each request naming a scan, two of them large enough to go in chunks) arrive exactly
// once and in per-request order; then kill -9 of a node ×10 and of the hall ×5 (restarted on the same
// data folder) during the exchange, and a normal run. At the end, on the hall's database: every record
// stored and applied once, in order, every scan whole, integrity_check ok, the audit chain verified;
// on each node: nothing pending, integrity_check ok, the audit chain verified.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection.js';
import { verifyAudit } from '../../electron/hall/audit/chain.js';
import { keptScanPath } from '../../electron/hall/villages/village-scans.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { call, openHostDatabase, startHostProcess, type HostProcess } from './support/host-process.js';
import { addHostVillageNode, type HostVillageNode } from './support/village-host.js';
import { nodeHealth, openNodeDatabase, pairNode, seedNode, sha256, startNodeProcess, type NodeProcess, type SeededNode } from './support/village-node.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dirs: string[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), `village-${name}-`));
  dirs.push(dir);
  return dir;
};
const ADMIN_PASSWORD = 'village-faults-admin';
const PER_REQUEST = 5;
const SMALL_SCAN = 4 * 1024;
/** Three chunks and a bit: a chunked upload that the faults cut and the node resumes. */
const LARGE_SCAN = 2 * 1024 * 1024 + 300 * 1024;
const nodeArgs = (data: string) => ['--data', data, '--sync-interval', '1', '--retry-cap', '1', '--log-level', 'warn'];
/** Every node process started, so that a test that times out leaves none running. */
const nodesStarted: NodeProcess[] = [];
const startNode = async (data: string) => {
  const node = await startNodeProcess(nodeArgs(data));
  nodesStarted.push(node);
  return node;
};

const hallData = tempDir('hall');
let hall: HostProcess;
let proxy: FaultProxy;
/** A connection of the test's own to the hall's database, to watch progress (WAL: readers never block the hall). */
let watch: Db;
const hallKills = { count: 0 };
const started = Date.now();
/** Seconds each part took, for the summary line. */
const took: Record<string, number> = {};
const since = (t: number) => (Date.now() - t) / 1000;

async function startHall(first = false): Promise<void> {
  // A loaded two-core machine can take many seconds to start the host: the ready line is given a minute.
  hall = await startHostProcess(['--data', hallData, '--log-level', 'info', ...(first ? ['--admin-password', ADMIN_PASSWORD] : [])], process.env, 60_000);
  proxy?.setTarget({ host: '127.0.0.1', port: Number(new URL(hall.base).port) });
}

interface Place {
  node: HostVillageNode;
  data: string;
  seeded: SeededNode;
}

const places: Place[] = [];

async function placeNode(name: string, code: string, agent: string, seed: Omit<Parameters<typeof seedNode>[1], 'villageCode'>): Promise<Place> {
  const admin = (await call(hall.base, 'POST', '/auth/login', null, { username: 'admin', password: ADMIN_PASSWORD })).body.token as string;
  const node = await addHostVillageNode(hall.base, admin, { code, name }, agent);
  const data = tempDir(agent);
  const seeded = seedNode(data, { ...seed, villageCode: code });
  const db = openNodeDatabase(data);
  pairNode(db, proxy.url, node.token, node.profile);
  db.close();
  const place = { node, data, seeded };
  places.push(place);
  return place;
}

beforeAll(async () => {
  await startHall(true);
  proxy = await startFaultProxy({ target: { host: '127.0.0.1', port: Number(new URL(hall.base).port) }, seed: 9, stallMs: 1_500 });
  watch = openHostDatabase(hallData);
}, 60_000);
afterAll(async () => {
  watch?.close();
  await proxy?.close();
  for (const n of nodesStarted) n.child.kill('SIGKILL');
  hall?.child.kill('SIGKILL');
  await Promise.all([hall?.exited, ...nodesStarted.map((n) => n.exited)]);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Records stored at the hall and scans kept whole, for one node. */
function arrived(p: Place): number {
  const records = (watch.prepare('SELECT count(*) AS n FROM village_records WHERE device_id = ?').get(p.node.deviceId) as { n: number }).n;
  const scans = (watch.prepare('SELECT count(*) AS n FROM village_scans WHERE device_id = ? AND completed_at IS NOT NULL').get(p.node.deviceId) as { n: number }).n;
  return records + scans;
}

/** Until the node has nothing left to send (and, with `reached`, has also reached the hall since it
 *  started: a node restarted with nothing pending says so before its first exchange). */
async function drained(node: NodeProcess, limitMs: number, reached = false): Promise<void> {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    const h = await nodeHealth(node.base).catch(() => null);
    if (h && h.pending.records === 0 && h.pending.scans === 0 && (!reached || h.hallReachable)) return;
    await sleep(200);
  }
  throw new Error(`node ${node.base} still has work after ${limitMs} ms: ${JSON.stringify(await nodeHealth(node.base))}`);
}

/** On the hall: each record stored once and applied once, each request's records in seq order, each scan whole. */
function checkHall(db: Db, p: Place): void {
  const stored = db.prepare('SELECT record_id AS id FROM village_records WHERE device_id = ?').all(p.node.deviceId) as Array<{ id: string }>;
  expect(stored.map((r) => r.id).sort()).toEqual([...p.seeded.ids].sort());
  const inOrder = db.prepare('SELECT record_id AS id, seq FROM village_records WHERE request_id = ? ORDER BY rowid');
  const request = db.prepare(
    'SELECT r.last_seq, r.state, (SELECT count(*) FROM agent_request_events e WHERE e.agent_request_id = r.id) AS events, (SELECT count(*) FROM agent_requests x WHERE x.request_id = r.request_id) AS copies FROM agent_requests r WHERE r.request_id = ?',
  );
  for (const [requestId, ids] of p.seeded.byRequest) {
    const rows = inOrder.all(requestId) as Array<{ id: string; seq: number }>;
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(rows.map((r) => r.seq)).toEqual(ids.map((_, i) => i + 1));
    // Applied once: one request row, one timeline entry per record, and the state the last step left.
    expect(request.get(requestId)).toEqual({ last_seq: PER_REQUEST, state: 'suspended', events: PER_REQUEST, copies: 1 });
  }
  for (const sha of p.seeded.scans.keys()) {
    expect(db.prepare('SELECT completed_at IS NOT NULL AS complete FROM village_scans WHERE sha256 = ?').get(sha)).toEqual({ complete: 1 });
    expect(sha256(readFileSync(keptScanPath(hallData, sha)))).toBe(sha);
  }
}

/** On the node: nothing pending or set aside, the database intact, the audit chain whole; how many sends were retries. */
function checkNode(p: Place): { retries: number } {
  const db = openNodeDatabase(p.data);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT state, count(*) AS n FROM link_outbox GROUP BY state').all()).toEqual([{ state: 'done', n: p.seeded.ids.length }]);
    expect(db.prepare("SELECT count(*) AS n FROM scans WHERE state <> 'done'").get()).toEqual({ n: 0 });
    expect(verifyAudit(db)).toMatchObject({ ok: true, firstBadId: null });
    const records = db.prepare('SELECT sum(attempts) - count(*) AS n FROM link_outbox').get() as { n: number };
    const scans = db.prepare('SELECT sum(attempts) AS n FROM scans').get() as { n: number };
    return { retries: records.n + scans.n };
  } finally {
    db.close();
  }
}

describe('village link to the real hall through a faulty network', () => {
  it('500 records from one node and 200 from another arrive exactly once, in order, with their scans', async () => {
    const t = Date.now();
    const a = await placeNode('东岭村', '320722100201', 'agent-east', { requests: 100, perRequest: PER_REQUEST, scanBytes: SMALL_SCAN, largeScans: 1, largeScanBytes: LARGE_SCAN });
    const b = await placeNode('西河村', '320722100202', 'agent-west', { requests: 40, perRequest: PER_REQUEST, scanBytes: SMALL_SCAN, largeScans: 1, largeScanBytes: LARGE_SCAN });
    proxy.setRates({ drop: 0.05, stall: 0.02, cut: 0.1, loseReply: 0.1 });
    const nodes = await Promise.all([startNode(a.data), startNode(b.data)]);
    try {
      await Promise.all(nodes.map((n) => drained(n, 100_000)));
    } finally {
      for (const n of nodes) n.child.kill('SIGTERM');
    }
    for (const n of nodes) expect(await n.exited).toBe(0);
    expect(a.seeded.ids.length + b.seeded.ids.length).toBe(700);
    for (const p of [a, b]) checkHall(watch, p);
    expect(proxy.counts.dropped + proxy.counts.stalled + proxy.counts.cut + proxy.counts.lostReplies).toBeGreaterThan(10);
    took.faults = since(t);
  }, 120_000);

  it('kill -9 of the node ×10 and of the hall ×5 during the exchange, then a normal run: exactly once, nothing pending', async () => {
    const t = Date.now();
    const k = await placeNode('北山村', '320722100203', 'agent-north', { requests: 40, perRequest: PER_REQUEST, scanBytes: 2 * SMALL_SCAN, largeScans: 1, largeScanBytes: LARGE_SCAN });
    // A slow link with some faults, so that each kill lands while records and scans are moving.
    proxy.setRates({ drop: 0.03, stall: 0, cut: 0.05, loseReply: 0.05 });
    const TOTAL = k.seeded.ids.length + k.seeded.scans.size;
    const thresholds = Array.from({ length: 10 }, (_, i) => Math.floor(((i + 1) * TOTAL * 0.6) / 11));
    let killedMidway = 0;
    let hallStarting: Promise<void> = Promise.resolve();
    for (let i = 0; i < 10; i++) {
      // The node starts while the hall may still be coming back: it finds it unreachable, then reachable.
      const [node] = await Promise.all([startNode(k.data), hallStarting]);
      const until = Date.now() + 60_000;
      while (arrived(k) < thresholds[i]! && Date.now() < until) await sleep(5);
      await sleep(Math.random() * 50);
      if (arrived(k) < TOTAL) killedMidway += 1;
      if (i % 2 === 1) {
        // The hall dies mid-exchange, the node a moment later; the hall comes back on the same data folder.
        hall.child.kill('SIGKILL');
        await hall.exited;
        hallKills.count += 1;
        hallStarting = startHall();
        await sleep(Math.random() * 300);
      }
      node.child.kill('SIGKILL');
      await node.exited;
    }
    await hallStarting;
    expect(killedMidway).toBe(10);
    expect(hallKills.count).toBe(5);
    proxy.setRates({ drop: 0, stall: 0, cut: 0, loseReply: 0 });
    const node = await startNode(k.data);
    try {
      await drained(node, 30_000, true);
      expect(await nodeHealth(node.base)).toMatchObject({ paired: true, hallReachable: true, pending: { records: 0, scans: 0 } });
    } finally {
      node.child.kill('SIGTERM');
    }
    expect(await node.exited).toBe(0);
    took.kills = since(t);
  }, 240_000);

  it('leaves both sides whole: on the hall every record once and in order, integrity ok, the audit chain verified; on each node nothing pending', async () => {
    hall.child.kill('SIGTERM');
    expect(await hall.exited).toBe(0);
    watch.close();
    const db = openHostDatabase(hallData);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      for (const p of places) checkHall(db, p);
      expect(verifyAudit(db)).toMatchObject({ ok: true, firstBadId: null });
    } finally {
      db.close();
    }
    const retries = places.map((p) => checkNode(p).retries).reduce((x, y) => x + y, 0);
    // What the hall told the nodes, batch by batch, from its own log (a duplicate is a reply lost after commit).
    const batches = readFileSync(path.join(hallData, 'logs', 'hall.log'), 'utf8')
      .split('\n')
      .filter((line) => line.includes('"msg":"village batch"'))
      .map((line) => JSON.parse(line) as { duplicate: number; rejected: number });
    const duplicates = batches.reduce((n, b) => n + b.duplicate, 0);
    expect(batches.reduce((n, b) => n + b.rejected, 0)).toBe(0);
    expect(duplicates).toBeGreaterThan(0);
    const records = places.reduce((n, p) => n + p.seeded.ids.length, 0);
    const scans = places.reduce((n, p) => n + p.seeded.scans.size, 0);
    const c = proxy.counts;
    process.stdout.write(
      `village link faults (real hall): ${records} records and ${scans} scans (3 of ${(LARGE_SCAN / 1024 / 1024).toFixed(1)} MB in chunks) from 3 nodes; ` +
        `faults: ${c.dropped} dropped, ${c.stalled} stalled, ${c.cut} cut mid-transfer, ${c.lostReplies} replies lost after commit (${c.connections} connections); ` +
        `10 node kills, ${hallKills.count} hall kills; ${retries} retried sends; hall answered ${batches.length} batches, ${duplicates} duplicates; ` +
        `${since(started).toFixed(1)} s in all (faults part ${took.faults?.toFixed(1)} s, kills part ${took.kills?.toFixed(1)} s), load ${os.loadavg()[0]!.toFixed(1)}\n`,
    );
  }, 30_000);
});
