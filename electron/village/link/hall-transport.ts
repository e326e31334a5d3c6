// The node's side of DESIGN §9 over HTTP: batches, scan chunks, the changes feed, the catalogue and
// the profile, each with a deadline, each turned into an outcome (never thrown). The token is sent
// as a bearer header and never appears in an error.
import {
  SCAN_RECEIVED_HEADER,
  VillageCatalogReply,
  VillageChangesReply,
  VillageProfile,
  type VillageChange,
  type VillageCatalogReply as CatalogReply,
  type VillageProfile as Profile,
} from '../../contract/village.js';
import { endpoint, httpExchange, isExchangeError, type Answer } from '../../link/http-exchange.js';
import { exchangeError, type BatchOutcome, type ExchangeError, type PageOutcome } from '../../link/outcome.js';
import { parseResultsReply, readBody, refusalCode } from '../../link/reply.js';
import type { VillageOutboxRow } from './records.js';

export const HALL_TIMEOUT_MS = 15_000;

export interface HallConnection {
  url: string;
  token: string;
  nodeId: string;
}

export type Refused = { kind: 'unauthorized'; status: number; code?: string };
export type Fetched<T> = { kind: 'ok'; value: T } | Refused | { kind: 'failed'; error: ExchangeError };

/** The batch body, built from each payload's stored JSON text rather than parsed and re-encoded. */
export function villageBatchBody(nodeId: string, sentAt: string, rows: readonly VillageOutboxRow[]): string {
  const records = rows.map((r) => {
    const head = { recordId: r.record_id, kind: r.kind, requestId: r.request_id, seq: r.seq, occurredAt: r.occurred_at };
    return `${JSON.stringify(head).slice(0, -1)},"payload":${r.payload}}`;
  });
  return `{"nodeId":${JSON.stringify(nodeId)},"sentAt":${JSON.stringify(sentAt)},"records":[${records.join(',')}]}`;
}

function refused(answer: Answer): Refused | null {
  if (answer.status !== 401 && answer.status !== 403) return null;
  const code = refusalCode(answer.text);
  return code === undefined ? { kind: 'unauthorized', status: answer.status } : { kind: 'unauthorized', status: answer.status, code };
}

function parsed<T>(answer: Answer | ExchangeError, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): Fetched<T> {
  if (isExchangeError(answer)) return { kind: 'failed', error: answer };
  const refusal = refused(answer);
  if (refusal) return refusal;
  const read = readBody(answer.status, answer.text);
  if (!read.ok) return { kind: 'failed', error: read.error };
  const result = schema.safeParse(read.body);
  return result.success ? { kind: 'ok', value: result.data } : { kind: 'failed', error: exchangeError('bad_reply', 'not the contract shape') };
}

export type ScanProbe = { kind: 'received'; bytes: number } | Refused | { kind: 'failed'; error: ExchangeError };
export type ChunkOutcome =
  | { kind: 'stored'; received: number }
  | { kind: 'offset'; received: number }
  | { kind: 'mismatch' }
  | Refused
  | { kind: 'failed'; error: ExchangeError };

export interface HallTransport {
  sendBatch(rows: readonly VillageOutboxRow[], sentAt: string, signal: AbortSignal): Promise<BatchOutcome>;
  fetchChanges(after: string | null, signal: AbortSignal): Promise<PageOutcome<VillageChange>>;
  fetchCatalog(since: number, signal: AbortSignal): Promise<Fetched<CatalogReply>>;
  fetchProfile(signal: AbortSignal): Promise<Fetched<Profile>>;
  probeScan(sha256: string, signal: AbortSignal): Promise<ScanProbe>;
  putChunk(sha256: string, start: number, bytes: Buffer, total: number, signal: AbortSignal): Promise<ChunkOutcome>;
}

const receivedOf = (answer: Answer): number | null => {
  const value = Number(answer.headers.get(SCAN_RECEIVED_HEADER));
  return answer.headers.has(SCAN_RECEIVED_HEADER) && Number.isSafeInteger(value) && value >= 0 ? value : null;
};

export function httpHallTransport(conn: HallConnection, timeoutMs = HALL_TIMEOUT_MS): HallTransport {
  const auth = { authorization: `Bearer ${conn.token}`, accept: 'application/json' };
  const url = (p: string) => endpoint(conn.url, `/api/v1${p}`);
  return {
    async sendBatch(rows, sentAt, signal) {
      const answer = await httpExchange(
        url('/village/batches'),
        { method: 'POST', headers: { ...auth, 'content-type': 'application/json; charset=utf-8' }, body: villageBatchBody(conn.nodeId, sentAt, rows) },
        signal,
        timeoutMs,
      );
      if (isExchangeError(answer)) return { kind: 'failed', error: answer };
      return parseResultsReply(answer.status, answer.text, new Set(rows.map((r) => r.record_id)), true);
    },
    async fetchChanges(after, signal) {
      const query = after === null ? '' : `?${new URLSearchParams({ after }).toString()}`;
      const got = parsed(await httpExchange(url(`/village/changes${query}`), { method: 'GET', headers: auth }, signal, timeoutMs), VillageChangesReply);
      return got.kind === 'ok' ? { kind: 'page', items: got.value.changes, next: got.value.next } : got;
    },
    async fetchCatalog(since, signal) {
      return parsed(await httpExchange(url(`/village/catalog?since=${since}`), { method: 'GET', headers: auth }, signal, timeoutMs), VillageCatalogReply);
    },
    async fetchProfile(signal) {
      return parsed(await httpExchange(url('/village/profile'), { method: 'GET', headers: auth }, signal, timeoutMs), VillageProfile);
    },
    async probeScan(sha256, signal) {
      const answer = await httpExchange(url(`/village/scans/${sha256}`), { method: 'HEAD', headers: auth }, signal, timeoutMs);
      if (isExchangeError(answer)) return { kind: 'failed', error: answer };
      const refusal = refused(answer);
      if (refusal) return refusal;
      if (answer.status === 404) return { kind: 'received', bytes: 0 };
      const received = receivedOf(answer);
      if (answer.status !== 200 || received === null) return { kind: 'failed', error: exchangeError('http_status', String(answer.status)) };
      return { kind: 'received', bytes: received };
    },
    async putChunk(sha256, start, bytes, total, signal) {
      const answer = await httpExchange(
        url(`/village/scans/${sha256}`),
        {
          method: 'PUT',
          headers: { ...auth, 'content-type': 'application/octet-stream', 'content-range': `bytes ${start}-${start + bytes.length - 1}/${total}` },
          body: new Uint8Array(bytes),
        },
        signal,
        timeoutMs,
      );
      if (isExchangeError(answer)) return { kind: 'failed', error: answer };
      const refusal = refused(answer);
      if (refusal) return refusal;
      const received = receivedOf(answer);
      if (answer.status === 409 && received !== null) return { kind: 'offset', received };
      if (answer.status === 422) return { kind: 'mismatch' };
      if (answer.status < 200 || answer.status > 299) return { kind: 'failed', error: exchangeError('http_status', String(answer.status)) };
      return { kind: 'stored', received: received ?? start + bytes.length };
    },
  };
}
