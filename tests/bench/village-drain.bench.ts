// A village node draining a backlog to the hall host over loopback (issue 9): 1,000 queued records
// (200 requests × 5, per-request order) with 200 scans of 1 MB, side by side in one run with a bare
// client making the same requests to the same hall (HEAD + PUT per scan, then five batches of 200 in
// seq rounds, as the node's order rule sends them), its scans made before its clock starts. Then ten
// such backlogs through one node process, its resident size and heap (after a garbage collection)
// taken after each: they should stay flat.
//   npm run build:node && npx vitest run --config tests/bench/vitest.config.ts tests/bench/village-drain
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, it } from 'vitest';
import { addHostVillageNode, type HostVillageNode } from '../integration/support/village-host.js';
import { nodeHealth, openNodeDatabase, pairNode, seedNode, seedPayload, sha256, startNodeProcess, type NodeProcess } from '../integration/support/village-node.js';
import { startBenchHost } from './support/bench-host.js';
import { PROBE_EXEC_ARGV, probeMemory, type ProbedMemory } from './support/memory.js';

const REQUESTS = 200;
const PER_REQUEST = 5;
const SCAN_BYTES = 1024 * 1024;
const BACKLOGS = 10;
const dirs: string[] = [];
/** Stopped here too, should the bench time out before its own finally. */
const running: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const stop of running.splice(0)) await stop().catch(() => undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The requests the node makes for one backlog, from a client that keeps no state; returns its time. */
async function bareClient(base: string, place: HostVillageNode): Promise<number> {
  const auth = { authorization: `Bearer ${place.token}` };
  const villageCode = place.profile.villages[0]!.code;
  const scans = Array.from({ length: REQUESTS }, () => {
    const bytes = randomBytes(SCAN_BYTES);
    return { requestId: randomUUID(), bytes, sha: sha256(bytes) };
  });
  const started = performance.now();
  for (const { sha, bytes } of scans) {
    await (await fetch(`${base}/api/v1/village/scans/${sha}`, { method: 'HEAD', headers: auth })).arrayBuffer();
    const put = await fetch(`${base}/api/v1/village/scans/${sha}`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/octet-stream', 'content-range': `bytes 0-${SCAN_BYTES - 1}/${SCAN_BYTES}` },
      body: new Uint8Array(bytes),
    });
    if (put.status !== 200) throw new Error(`bare client: scan ${put.status} ${await put.text()}`);
  }
  for (let seq = 1; seq <= PER_REQUEST; seq++) {
    const records = scans.map((s) => ({ recordId: randomUUID(), requestId: s.requestId, seq, occurredAt: new Date().toISOString(), ...seedPayload(seq, s.sha, villageCode) }));
    const res = await fetch(`${base}/api/v1/village/batches`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ nodeId: place.profile.nodeId, sentAt: new Date().toISOString(), records }),
    });
    const body = (await res.json()) as { results: Array<{ status: string }> };
    if (body.results.filter((r) => r.status === 'accepted').length !== REQUESTS) throw new Error(`bare client: batch ${seq}: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return performance.now() - started;
}

/** Asks the node to exchange now; a cycle already running (its first, at start) is waited out, so this one sees the whole backlog. */
async function syncNow(node: NodeProcess): Promise<void> {
  for (;;) {
    const res = await fetch(`${node.base}/api/v1/sync/now`, { method: 'POST' });
    if (((await res.json()) as { started: boolean }).started) return;
    await sleep(5);
  }
}

async function drained(node: NodeProcess, limitMs: number): Promise<void> {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    const h = await nodeHealth(node.base);
    if (h.pending.records === 0 && h.pending.scans === 0) return;
    await sleep(20);
  }
  throw new Error(`the node did not drain its backlog in ${limitMs} ms: ${JSON.stringify(await nodeHealth(node.base))}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

it('drains 1,000 records with 200 scans of 1 MB to the hall; ratio to a bare client; node memory across ten backlogs', async () => {
  const hall = await startBenchHost();
  running.push(() => hall.stop());
  const data = mkdtempSync(path.join(os.tmpdir(), 'village-drain-'));
  dirs.push(data);
  let node: NodeProcess | null = null;
  try {
    const mine = await addHostVillageNode(hall.base, hall.admin, { code: '320722100201', name: '东岭村' }, 'bench-agent');
    const bare = await addHostVillageNode(hall.base, hall.admin, { code: '320722100202', name: '西河村' }, 'bench-bare');
    const db = openNodeDatabase(data);
    pairNode(db, hall.base, mine.token, mine.profile);
    db.close();
    // The node exchanges on demand only: each backlog is added while it runs, then drained with "sync now".
    node = await startNodeProcess(['--data', data, '--sync-interval', '3600', '--log-level', 'warn'], PROBE_EXEC_ARGV);
    const nodeProcess = node;
    running.push(async () => {
      nodeProcess.child.kill('SIGKILL');
      await nodeProcess.exited;
    });
    const nodeMs: number[] = [];
    const memory: ProbedMemory[] = [];
    let bareMs = 0;
    for (let i = 0; i < BACKLOGS; i++) {
      seedNode(data, { requests: REQUESTS, perRequest: PER_REQUEST, scanBytes: SCAN_BYTES, villageCode: mine.profile.villages[0]!.code });
      const started = performance.now();
      await syncNow(node);
      await drained(node, 240_000);
      nodeMs.push(performance.now() - started);
      if (i === 0) bareMs = await bareClient(hall.base, bare);
      memory.push(await probeMemory(node.child, node.stderr));
    }
    const rows = nodeMs.map((ms, i) => {
      const m = memory[i]!;
      return `backlog ${String(i + 1).padStart(2)}: node ${ms.toFixed(0).padStart(6)} ms, RSS ${m.rssMb.toFixed(1)} MB, heap used ${m.heapUsedMb.toFixed(1)} MB (total ${m.heapTotalMb.toFixed(1)}, external ${m.externalMb.toFixed(1)})`;
    });
    const [first, last] = [memory[0]!, memory.at(-1)!];
    process.stdout.write(
      `\nvillage drain to the hall host: ${REQUESTS * PER_REQUEST} records + ${REQUESTS} scans of 1 MB per backlog, loopback\n${rows.join('\n')}\n` +
        `bare client, same requests: ${bareMs.toFixed(0)} ms; bare ÷ node, backlog 1: ${(bareMs / nodeMs[0]!).toFixed(2)}, median backlog: ${(bareMs / median(nodeMs)).toFixed(2)}\n` +
        `node memory first → last backlog: RSS ${first.rssMb.toFixed(1)} → ${last.rssMb.toFixed(1)} MB (${(last.rssMb - first.rssMb >= 0 ? '+' : '') + (last.rssMb - first.rssMb).toFixed(1)}), ` +
        `heap used ${first.heapUsedMb.toFixed(1)} → ${last.heapUsedMb.toFixed(1)} MB (${(last.heapUsedMb - first.heapUsedMb >= 0 ? '+' : '') + (last.heapUsedMb - first.heapUsedMb).toFixed(1)})\n`,
    );
  } finally {
    if (node) {
      node.child.kill('SIGTERM');
      await node.exited;
    }
    await hall.stop();
  }
}, 1_800_000);
