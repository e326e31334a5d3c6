// A small, honest hall for the village link's tests (DESIGN §9), in the test process: records stored
// once by recordId (a replay answers `duplicate` with the same receipt), per-request order (seq n only
// after n-1; otherwise no result, so the node retries), records naming an incomplete scan left
// unanswered, scans in chunks from the received offset with the SHA-256 checked at the end, a
// changes feed with a cursor, the catalogue by version, and 401 `revoked` for a revoked node.
// `crash()` drops every connection and stops listening as a killed process would; `restart()` listens
// on the same port again with what was committed (the store is the hall's database here).
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type net from 'node:net';
import { VillageRecord, type VillageChange } from '../../electron/contract/village.js';

export interface HeldRecord {
  recordId: string;
  nodeId: string;
  requestId: string;
  seq: number;
  kind: string;
  payload: Record<string, unknown>;
  receiptId: string;
}

interface ScanUpload {
  total: number;
  chunks: Buffer[];
  received: number;
  complete: boolean;
}

export interface MiniHallCounters {
  batches: number;
  accepted: number;
  duplicates: number;
  heldBack: number;
  outOfOrder: number;
  scanBytes: number;
  scanRestarts: number;
}

export interface MiniHall {
  url: string;
  port: number;
  records: HeldRecord[];
  counters: MiniHallCounters;
  scans: Map<string, ScanUpload>;
  addNode(token: string, nodeId: string): void;
  revoke(token: string): void;
  addChange(change: Omit<VillageChange, 'cursor'>): void;
  setCatalog(version: number, items: Record<string, unknown>[]): void;
  crash(): void;
  restart(): Promise<void>;
  close(): Promise<void>;
}

const SHA = /^[0-9a-f]{64}$/;

function scansNamed(payload: unknown, key: string | null = null, found = new Set<string>()): Set<string> {
  if (typeof payload === 'string' && (key === 'sha256' || key === 'receiverSignature' || key === 'scans') && SHA.test(payload)) found.add(payload);
  else if (Array.isArray(payload)) for (const v of payload) scansNamed(v, key, found);
  else if (payload && typeof payload === 'object') for (const [k, v] of Object.entries(payload)) scansNamed(v, k, found);
  return found;
}

export async function startMiniHall(): Promise<MiniHall> {
  const nodes = new Map<string, { nodeId: string; revoked: boolean }>();
  const records: HeldRecord[] = [];
  const byId = new Map<string, HeldRecord>();
  const lastSeq = new Map<string, number>();
  const scans = new Map<string, ScanUpload>();
  const changes: VillageChange[] = [];
  let catalog = { version: 0, items: [] as Record<string, unknown>[] };
  const counters: MiniHallCounters = { batches: 0, accepted: 0, duplicates: 0, heldBack: 0, outOfOrder: 0, scanBytes: 0, scanRestarts: 0 };
  const sockets = new Set<net.Socket>();

  const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const refuse = (res: http.ServerResponse, code: string) => json(res, 401, { error: { code, message: code } });
  const scanHeaders = (upload: ScanUpload | undefined): Record<string, string> =>
    upload ? { 'x-scan-received': String(upload.received), 'x-scan-total': String(upload.total) } : { 'x-scan-received': '0' };

  function batch(nodeId: string, body: { records?: unknown[] }): unknown {
    counters.batches += 1;
    const results: unknown[] = [];
    for (const raw of body.records ?? []) {
      const parsed = VillageRecord.safeParse(raw);
      if (!parsed.success) {
        const id = (raw as { recordId?: unknown })?.recordId;
        if (typeof id === 'string') results.push({ recordId: id, status: 'rejected', reason: 'not a village record' });
        continue;
      }
      const r = parsed.data;
      const seen = byId.get(r.recordId);
      if (seen) {
        counters.duplicates += 1;
        results.push({ recordId: r.recordId, status: 'duplicate', receiptId: seen.receiptId });
        continue;
      }
      const before = lastSeq.get(r.requestId) ?? 0;
      if (r.seq !== before + 1) {
        if (r.seq > before + 1) counters.outOfOrder += 1;
        counters.heldBack += 1;
        continue;
      }
      if ([...scansNamed(r.payload)].some((sha) => !scans.get(sha)?.complete)) {
        counters.heldBack += 1;
        continue;
      }
      const held: HeldRecord = { recordId: r.recordId, nodeId, requestId: r.requestId, seq: r.seq, kind: r.kind, payload: r.payload, receiptId: `R-${randomUUID()}` };
      records.push(held);
      byId.set(r.recordId, held);
      lastSeq.set(r.requestId, r.seq);
      counters.accepted += 1;
      results.push({ recordId: r.recordId, status: 'accepted', receiptId: held.receiptId });
    }
    return { results };
  }

  function putScan(sha: string, range: string | undefined, bytes: Buffer, res: http.ServerResponse): void {
    const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range ?? '');
    if (!m) return json(res, 400, { error: { code: 'validation', message: 'content-range' } });
    const [start, end, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
    let upload = scans.get(sha);
    if (upload?.complete) return json(res, 200, { complete: true }, scanHeaders(upload));
    if (!upload) {
      upload = { total, chunks: [], received: 0, complete: false };
      scans.set(sha, upload);
    }
    if (start !== upload.received || end - start + 1 !== bytes.length || total !== upload.total) return json(res, 409, { error: { code: 'conflict', message: 'offset' } }, scanHeaders(upload));
    upload.chunks.push(bytes);
    upload.received += bytes.length;
    counters.scanBytes += bytes.length;
    if (upload.received === upload.total) {
      const whole = Buffer.concat(upload.chunks);
      if (createHash('sha256').update(whole).digest('hex') !== sha) {
        scans.delete(sha);
        counters.scanRestarts += 1;
        return json(res, 422, { error: { code: 'domain_rule', message: 'sha256' } });
      }
      upload.chunks = [whole];
      upload.complete = true;
    }
    json(res, 200, { complete: upload.complete }, scanHeaders(upload));
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', () => undefined);
    req.on('end', () => {
      const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
      const node = token ? nodes.get(token) : undefined;
      if (!node) return refuse(res, 'unauthorized');
      if (node.revoked) return refuse(res, 'revoked');
      const url = new URL(req.url ?? '/', 'http://hall');
      const scan = /^\/api\/v1\/village\/scans\/([0-9a-f]{64})$/.exec(url.pathname);
      if (req.method === 'GET' && url.pathname === '/api/v1/village/profile') {
        return json(res, 200, { nodeId: node.nodeId, hall: { name: '测试镇便民服务中心', phone: null }, agent: { id: 7, displayName: '王代办' }, villages: [{ code: '320722100201', name: '东岭村', gridPath: ['一片区', '东岭村'] }] });
      }
      if (req.method === 'POST' && url.pathname === '/api/v1/village/batches') {
        let body: { records?: unknown[] };
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { records?: unknown[] };
        } catch {
          return json(res, 400, { error: { code: 'validation', message: 'json' } });
        }
        return json(res, 200, batch(node.nodeId, body));
      }
      if (scan && req.method === 'HEAD') {
        const upload = scans.get(scan[1]!);
        res.writeHead(upload ? 200 : 404, scanHeaders(upload));
        return res.end();
      }
      if (scan && req.method === 'PUT') return putScan(scan[1]!, req.headers['content-range'], Buffer.concat(chunks), res);
      if (req.method === 'GET' && url.pathname === '/api/v1/village/changes') {
        const after = Number(url.searchParams.get('after') ?? 0);
        const page = changes.filter((c) => Number(c.cursor) > after).slice(0, 200);
        return json(res, 200, { changes: page, next: page.at(-1)?.cursor ?? null });
      }
      if (req.method === 'GET' && url.pathname === '/api/v1/village/catalog') {
        const since = Number(url.searchParams.get('since') ?? 0);
        return json(res, 200, { version: catalog.version, items: since === catalog.version ? null : catalog.items });
      }
      json(res, 404, { error: { code: 'not_found', message: 'not found' } });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    records,
    counters,
    scans,
    addNode: (token, nodeId) => void nodes.set(token, { nodeId, revoked: false }),
    revoke: (token) => void (nodes.get(token)!.revoked = true),
    addChange: (change) => void changes.push({ ...change, cursor: String(changes.length + 1) }),
    setCatalog: (version, items) => void (catalog = { version, items }),
    crash() {
      server.close();
      for (const s of sockets) s.resetAndDestroy();
    },
    restart: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
