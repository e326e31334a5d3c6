// Scans from a village node in chunks (DESIGN §9) over real HTTP: a partial upload resumed from the
// offset HEAD reports, a chunk at the wrong offset refused with the offset, a SHA-256 mismatch
// discarded with 422, a repeated complete upload answered 200, and the kept file byte-identical; a scan
// whose every byte arrived but whose completion a crash took is completed by the node's next probe.
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SCAN_CHUNK_BYTES, SCAN_RECEIVED_HEADER, SCAN_TOTAL_HEADER } from '../../electron/contract/village.js';
import { ADMIN_PASSWORD, startHall, type TestHall } from './support/hall.js';
import { addItems } from './support/cases.js';
import { agentRequestRecord, putChunk, sendBatch, setUpVillages, sha256, type VillageSetup } from './support/village-hall.js';

let h: TestHall;
let v: VillageSetup;

beforeAll(async () => {
  h = await startHall();
  addItems(h);
  v = await setUpVillages(h, await h.login('admin', ADMIN_PASSWORD));
});
afterAll(() => h.close());

const head = (sha: string, token = v.node) => fetch(`${h.base}/api/v1/village/scans/${sha}`, { method: 'HEAD', headers: { authorization: `Bearer ${token}` } });

describe('scans in chunks', () => {
  const scan = randomBytes(2 * MAX_SCAN_CHUNK_BYTES + 12_345);
  const sha = sha256(scan);
  const chunk = (i: number) => scan.subarray(i * MAX_SCAN_CHUNK_BYTES, Math.min(scan.length, (i + 1) * MAX_SCAN_CHUNK_BYTES));

  it('says 404 before anything arrived', async () => {
    expect((await head(sha)).status).toBe(404);
  });

  it('takes a first chunk, reports its offset, and refuses a chunk that does not start there (409 with the offset)', async () => {
    const first = await putChunk(h, v.node, sha, chunk(0), 0, scan.length);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ received: MAX_SCAN_CHUNK_BYTES, total: scan.length, complete: false });
    const probe = await head(sha);
    expect(probe.status).toBe(200);
    expect(probe.headers.get(SCAN_RECEIVED_HEADER)).toBe(String(MAX_SCAN_CHUNK_BYTES));
    expect(probe.headers.get(SCAN_TOTAL_HEADER)).toBe(String(scan.length));
    const skipped = await putChunk(h, v.node, sha, chunk(2), 2 * MAX_SCAN_CHUNK_BYTES, scan.length);
    expect(skipped.status).toBe(409);
    expect(skipped.headers.get(SCAN_RECEIVED_HEADER)).toBe(String(MAX_SCAN_CHUNK_BYTES));
    const again = await putChunk(h, v.node, sha, chunk(0), 0, scan.length);
    expect(again.status).toBe(409);
  });

  it('refuses a missing Content-Range, a length that does not match it and a chunk over 1 MB with 400', async () => {
    const res = await fetch(`${h.base}/api/v1/village/scans/${sha}`, { method: 'PUT', headers: { authorization: `Bearer ${v.node}`, 'content-type': 'application/octet-stream' }, body: new Uint8Array(chunk(1)) });
    expect(res.status).toBe(400);
    const wrongLength = await putChunk(h, v.node, sha, chunk(1).subarray(1), MAX_SCAN_CHUNK_BYTES, scan.length + 1);
    expect(wrongLength.status).toBe(400);
    const tooBig = await putChunk(h, v.node, sha, Buffer.alloc(MAX_SCAN_CHUNK_BYTES + 1), MAX_SCAN_CHUNK_BYTES, scan.length + MAX_SCAN_CHUNK_BYTES);
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error.details[0]).toMatchObject({ field: '_body', code: 'body_too_large' });
  });

  it('resumes from the reported offset, checks the hash at the end and keeps the file intact', async () => {
    const offset = Number((await head(sha)).headers.get(SCAN_RECEIVED_HEADER));
    expect((await putChunk(h, v.node, sha, chunk(1), offset, scan.length)).status).toBe(200);
    const last = await putChunk(h, v.node, sha, chunk(2), 2 * MAX_SCAN_CHUNK_BYTES, scan.length);
    expect(last.status).toBe(200);
    expect(last.body).toEqual({ received: scan.length, total: scan.length, complete: true });
    const kept = path.join(h.dataDir, 'scans', sha.slice(0, 2), sha);
    expect(readFileSync(kept).equals(scan)).toBe(true);
    expect(existsSync(path.join(h.dataDir, 'village-scans', `${sha}.part`))).toBe(false);
  });

  it('answers a repeated complete upload 200 without storing it again', async () => {
    const again = await putChunk(h, v.node, sha, chunk(0), 0, scan.length);
    expect(again.status).toBe(200);
    expect(again.body.complete).toBe(true);
    expect((await head(sha)).headers.get(SCAN_RECEIVED_HEADER)).toBe(String(scan.length));
  });

  it('discards an upload whose bytes are not the SHA-256 it was sent as (422), so it starts over', async () => {
    const bytes = randomBytes(5000);
    const claimed = sha256(Buffer.from('something else'));
    expect((await putChunk(h, v.node, claimed, bytes.subarray(0, 3000), 0, bytes.length)).status).toBe(200);
    const end = await putChunk(h, v.node, claimed, bytes.subarray(3000), 3000, bytes.length);
    expect(end.status).toBe(422);
    expect(end.body.error.code).toBe('domain_rule');
    expect((await head(claimed)).status).toBe(404);
    expect(existsSync(path.join(h.dataDir, 'scans', claimed.slice(0, 2), claimed))).toBe(false);
  });

  it('accepts a record naming the scan once it is complete, not before', async () => {
    const sig = Buffer.from('signature image');
    const sigSha = sha256(sig);
    const record = agentRequestRecord({ signature: sigSha, materials: [{ name: '居民身份证', originals: 1, copies: 1, scans: [sha] }] });
    expect((await sendBatch(h, v.node, [record])).body.results).toEqual([]);
    await putChunk(h, v.node, sigSha, sig.subarray(0, 5), 0, sig.length);
    expect((await sendBatch(h, v.node, [record])).body.results).toEqual([]);
    await putChunk(h, v.node, sigSha, sig.subarray(5), 5, sig.length);
    expect((await sendBatch(h, v.node, [record])).body.results[0].status).toBe('accepted');
  });

  // The host killed after the last chunk reached the disk and before it checked, kept and marked the
  // scan: every byte is in the part file, the row says incomplete. The node's probe then reads "all
  // received" and sends nothing more, so the probe itself completes it (or a repeated last chunk does).
  const interrupted = (bytes: Buffer, upTo: number) => async () => {
    const s = sha256(bytes);
    expect((await putChunk(h, v.node, s, bytes.subarray(0, upTo), 0, bytes.length)).status).toBe(200);
    appendFileSync(path.join(h.dataDir, 'village-scans', `${s}.part`), bytes.subarray(upTo));
    return s;
  };

  it('completes, at the probe, a scan whose every byte arrived before a crash took its completion', async () => {
    const bytes = randomBytes(7000);
    const s = await interrupted(bytes, 4000)();
    const probe = await head(s);
    expect(probe.status).toBe(200);
    expect(probe.headers.get(SCAN_RECEIVED_HEADER)).toBe(String(bytes.length));
    expect(readFileSync(path.join(h.dataDir, 'scans', s.slice(0, 2), s)).equals(bytes)).toBe(true);
    expect(h.db.prepare('SELECT completed_at IS NOT NULL AS done FROM village_scans WHERE sha256 = ?').get(s)).toEqual({ done: 1 });
    const record = agentRequestRecord({ signature: s, materials: [] });
    expect((await sendBatch(h, v.node, [record])).body.results[0].status).toBe('accepted');
  });

  it('completes it at a repeated last chunk too, and throws away bytes that are not the hash', async () => {
    const bytes = randomBytes(6000);
    const s = await interrupted(bytes, 3000)();
    const again = await putChunk(h, v.node, s, bytes.subarray(3000), 3000, bytes.length);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ received: bytes.length, total: bytes.length, complete: true });

    const wrong = randomBytes(5000);
    const claimed = sha256(Buffer.from('not these bytes'));
    expect((await putChunk(h, v.node, claimed, wrong.subarray(0, 2000), 0, wrong.length)).status).toBe(200);
    appendFileSync(path.join(h.dataDir, 'village-scans', `${claimed}.part`), wrong.subarray(2000));
    expect((await head(claimed)).status).toBe(404);
    expect(existsSync(path.join(h.dataDir, 'village-scans', `${claimed}.part`))).toBe(false);
  });
});
