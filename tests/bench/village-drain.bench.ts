// A village node draining a backlog to the hall over loopback (issue 9): 1,000 queued records (200
// requests × 5, per-request order) with 200 scans of 1 MB, side by side in one run with a bare client
// making the same requests (HEAD + PUT per scan, the same five batches of 200), against the same kind
// of hall (tests/support/mini-village-hall.ts). Then ten such backlogs through one node process, its
// resident memory sampled after each: it should stay flat.
//   npm run build:node && npx vitest run --config tests/bench/vitest.config.ts tests/bench/village-drain
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, it } from 'vitest';
import { startMiniHall, type MiniHall } from '../support/mini-village-hall.js';
import { nodeHealth, openNodeDatabase, pairNode, seedNode, sha256, startNodeProcess } from '../integration/support/village-node.js';

const REQUESTS = 200;
const PER_REQUEST = 5;
const SCAN_BYTES = 1024 * 1024;
const BACKLOGS = 10;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** The same requests the node makes, from a client that keeps no state: HEAD + PUT per scan, then the batches in seq rounds. */
async function bareClient(hall: MiniHall, token: string): Promise<number> {
  const auth = { authorization: `Bearer ${token}` };
  const started = performance.now();
  const requests: { id: string; sha: string }[] = [];
  for (let r = 0; r < REQUESTS; r++) {
    const bytes = randomBytes(SCAN_BYTES);
    const sha = sha256(bytes);
    requests.push({ id: randomUUID(), sha });
    await (await fetch(`${hall.url}/api/v1/village/scans/${sha}`, { method: 'HEAD', headers: auth })).arrayBuffer();
    const put = await fetch(`${hall.url}/api/v1/village/scans/${sha}`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/octet-stream', 'content-range': `bytes 0-${SCAN_BYTES - 1}/${SCAN_BYTES}` },
      body: new Uint8Array(bytes),
    });
    await put.arrayBuffer();
  }
  for (let seq = 1; seq <= PER_REQUEST; seq++) {
    const records = requests.map((q) => ({
      recordId: randomUUID(),
      kind: seq === 1 ? 'agent-request' : 'agent-event',
      requestId: q.id,
      seq,
      occurredAt: new Date().toISOString(),
      payload: seq === 1 ? { villageCode: '320722100201', materials: [{ name: '居民身份证', originals: 1, copies: 1, scans: [q.sha] }] } : { action: 'resubmit', note: `step ${seq}` },
    }));
    const res = await fetch(`${hall.url}/api/v1/village/batches`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ nodeId: 'bare', sentAt: new Date().toISOString(), records }),
    });
    await res.json();
  }
  return performance.now() - started;
}

async function drained(base: string, limitMs: number): Promise<void> {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    const h = await nodeHealth(base);
    if (h.pending.records === 0 && h.pending.scans === 0) return;
    await sleep(20);
  }
  throw new Error('the node did not drain its backlog in time');
}

it('drains 1,000 records with 200 scans of 1 MB; ratio to a bare client; memory across ten backlogs', async () => {
  const hall = await startMiniHall({ keepScans: false });
  hall.addNode('bench-node', 'node-bench');
  hall.addNode('bench-bare', 'bare');
  const data = mkdtempSync(path.join(os.tmpdir(), 'village-drain-'));
  dirs.push(data);
  const db = openNodeDatabase(data);
  pairNode(db, hall.url, 'bench-node', 'node-bench');
  db.close();
  // The node waits for a manual sync: it starts with an empty outbox, each backlog is added while it runs.
  const node = await startNodeProcess(['--data', data, '--sync-interval', '3600', '--log-level', 'warn']);
  try {
    const rows: string[] = [];
    const rss: number[] = [];
    for (let i = 0; i < BACKLOGS; i++) {
      seedNode(data, { requests: REQUESTS, perRequest: PER_REQUEST, scanBytes: SCAN_BYTES });
      const started = performance.now();
      await fetch(`${node.base}/api/v1/sync/now`, { method: 'POST' });
      await drained(node.base, 240_000);
      const nodeMs = performance.now() - started;
      const bareMs = i === 0 ? await bareClient(hall, 'bench-bare') : null;
      const mb = rssMb(node.child.pid!);
      if (mb !== null) rss.push(mb);
      rows.push(
        `backlog ${String(i + 1).padStart(2)}: node ${nodeMs.toFixed(0).padStart(6)} ms` +
          (bareMs === null ? '' : `, bare client ${bareMs.toFixed(0)} ms, node ÷ bare ${(nodeMs / bareMs).toFixed(2)}`) +
          (mb === null ? '' : `, node RSS ${mb.toFixed(1)} MB`),
      );
    }
    process.stdout.write(`\nvillage drain: ${REQUESTS * PER_REQUEST} records + ${REQUESTS} scans of 1 MB per backlog\n${rows.join('\n')}\n`);
    if (rss.length > 1) process.stdout.write(`node RSS first → last backlog: ${rss[0]!.toFixed(1)} → ${rss.at(-1)!.toFixed(1)} MB (max ${Math.max(...rss).toFixed(1)})\n`);
    process.stdout.write(`hall: ${hall.counters.accepted} accepted, ${hall.counters.duplicates} duplicates, ${hall.counters.batches} batches\n`);
  } finally {
    node.child.kill('SIGTERM');
    await node.exited;
    await hall.close();
  }
});
