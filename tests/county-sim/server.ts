// The county platform simulator (DESIGN §8): a real HTTP server for the upload contract, with its own
// SQLite store and faults switchable at run time. Plain node:http, so a fault can do what a broken
// network does — drop the connection, cut a body — which a framework would tidy up.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { z } from 'zod';
import { MAX_BATCH_RECORDS, UploadBatch } from '../../electron/contract/county.js';
import { FaultConfig, nextFault, NO_FAULTS, type FaultName } from './faults.js';
import { renderPage } from './page.js';
import { CountyStore, type IngestResult } from './store.js';

export interface SimOptions {
  port?: number;
  host?: string;
  /** A folder for the store; null keeps it in memory. */
  dataDir?: string | null;
  /** The key halls must send; null accepts any non-empty bearer key. */
  key?: string | null;
}

export interface CountySim {
  url: string;
  store: CountyStore;
  faults(): FaultConfig;
  setFaults(config: Partial<FaultConfig>): void;
  close(): Promise<void>;
}

const MAX_BODY = 8 * 1024 * 1024;
const DecisionInput = z.object({
  hallCode: z.string().min(1),
  decisions: z.array(z.object({ caseNo: z.string().min(1), decision: z.enum(['approved', 'denied']), note: z.string().nullable().default(null) })),
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function send(res: http.ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

/** The reply a fault makes of the real results (after they were filed). */
function faultyReply(fault: FaultName, results: IngestResult[]): { status: number; body: string; type?: string } | 'drop' {
  const honest = JSON.stringify({ results });
  switch (fault) {
    case 'lostReply':
      return 'drop';
    case 'malformed':
      return { status: 200, body: JSON.stringify(Math.random() < 0.5 ? { result: results } : { results: Object.fromEntries(results.map((r) => [r.recordId, r])) }) };
    case 'html':
      return { status: 200, body: '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>', type: 'text/html' };
    case 'truncated':
      return { status: 200, body: honest.slice(0, Math.max(1, Math.floor(honest.length / 2))) };
    case 'partial': {
      // Keep a random half, and always leave at least one out.
      const kept = results.filter(() => Math.random() < 0.5).slice(0, Math.max(0, results.length - 1));
      return { status: 200, body: JSON.stringify({ results: kept }) };
    }
    case 'unknownId': {
      // Every result names a record that was never sent (a county answering for another batch).
      const renamed = results.map((r) => ({ ...r, recordId: randomUUID() }));
      return { status: 200, body: JSON.stringify({ results: renamed }) };
    }
    default:
      return { status: 200, body: honest };
  }
}

export async function startCountySim(options: SimOptions = {}): Promise<CountySim> {
  let file = ':memory:';
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    file = path.join(options.dataDir, 'county.db');
  }
  const store = new CountyStore(file);
  let faults: FaultConfig = structuredClone(NO_FAULTS);
  let closed = false;

  const authorized = (req: http.IncomingMessage) => {
    if (faults.unauthorized) return false;
    const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    return m !== null && (options.key ? m[1] === options.key : true);
  };

  async function batches(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const text = await readBody(req);
    if (!authorized(req)) return send(res, 401, JSON.stringify({ error: 'unauthorized' }));
    const fault = nextFault(faults);
    if (fault === 'refuse5xx') return send(res, 503, JSON.stringify({ error: 'service unavailable' }));
    if (faults.latencyMs) await sleep(faults.latencyMs);
    if (fault === 'timeout') await sleep(faults.timeoutMs);
    if (closed) return;
    let json: unknown;
    try {
      json = JSON.parse(text ?? '');
    } catch {
      return send(res, 400, JSON.stringify({ error: 'body is not JSON' }));
    }
    const batch = UploadBatch.safeParse(json);
    if (!batch.success) return send(res, 400, JSON.stringify({ error: `not a batch (at most ${MAX_BATCH_RECORDS} records)` }));
    const results = store.ingest(batch.data.hallCode, batch.data.records, new Set(faults.rejectRecordIds));
    const reply = faultyReply(fault, results);
    if (reply === 'drop') {
      req.socket.destroy();
      return;
    }
    send(res, reply.status, reply.body, reply.type);
  }

  function decisions(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    if (!authorized(req)) return send(res, 401, JSON.stringify({ error: 'unauthorized' }));
    if (faults.refuse5xx && Math.random() < faults.refuse5xx) return send(res, 503, JSON.stringify({ error: 'service unavailable' }));
    const after = Number(url.searchParams.get('after') ?? 0);
    send(res, 200, JSON.stringify(store.decisionsAfter(url.searchParams.get('hallCode') ?? '', Number.isFinite(after) ? after : 0)));
  }

  async function control(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /_sim/faults') return send(res, 200, JSON.stringify(faults));
    if (route === 'GET /_sim/records') {
      const limit = Number(url.searchParams.get('limit') ?? 1_000_000);
      return send(res, 200, JSON.stringify({ counters: store.counters(), records: store.records(limit, Number(url.searchParams.get('offset') ?? 0)) }));
    }
    const body = await readBody(req);
    let json: unknown;
    try {
      json = JSON.parse(body || '{}');
    } catch {
      return send(res, 400, JSON.stringify({ error: 'body is not JSON' }));
    }
    if (route === 'POST /_sim/faults') {
      const parsed = FaultConfig.safeParse(json);
      if (!parsed.success) return send(res, 400, JSON.stringify({ error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }));
      faults = parsed.data;
      return send(res, 200, JSON.stringify(faults));
    }
    if (route === 'POST /_sim/decisions') {
      const parsed = DecisionInput.safeParse(json);
      if (!parsed.success) return send(res, 400, JSON.stringify({ error: 'expected {hallCode, decisions:[{caseNo, decision, note?}]}' }));
      const cursors = parsed.data.decisions.map((d) => store.addDecision(parsed.data.hallCode, d.caseNo, d.decision, d.note));
      return send(res, 200, JSON.stringify({ cursors }));
    }
    if (route === 'POST /_sim/reset') {
      store.reset();
      faults = structuredClone(NO_FAULTS);
      return send(res, 200, JSON.stringify({ ok: true }));
    }
    send(res, 404, JSON.stringify({ error: 'not found' }));
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sim');
    const handle = async () => {
      if (req.method === 'POST' && url.pathname === '/api/v1/batches') return batches(req, res);
      if (req.method === 'GET' && url.pathname === '/api/v1/decisions') return decisions(req, res, url);
      if (url.pathname.startsWith('/_sim/')) return control(req, res, url);
      if (req.method === 'GET' && url.pathname === '/') return send(res, 200, renderPage(store.counters(), faults, store.records(200, 0, true)), 'text/html; charset=utf-8');
      send(res, 404, JSON.stringify({ error: 'not found' }));
    };
    handle().catch((err: unknown) => {
      if (closed) return;
      if (!res.headersSent) send(res, 500, JSON.stringify({ error: String((err as Error).message) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    store,
    faults: () => faults,
    setFaults(config) {
      faults = FaultConfig.parse(config);
    },
    async close() {
      closed = true;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
  };
}
