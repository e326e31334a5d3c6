// The adapter for the county format of DESIGN §8 (JSON over HTTP(S), bearer key). Every call has a
// deadline covering connect, response and body; errors name what happened but never carry the key.
import { endpoint, httpExchange } from '../../link/http-exchange.js';
import type { CountyConnection, CountyTransport, OutgoingBatch } from './transport.js';
import { parseBatchReply, parseDecisionsReply } from './reply-parse.js';

export const COUNTY_TIMEOUT_MS = 15_000;

/** The batch body, built from the stored JSON text of each payload rather than parsed and re-encoded. */
export function batchBody(batch: OutgoingBatch): string {
  const records = batch.records.map((r) => {
    const head: Record<string, unknown> = { recordId: r.record_id, kind: r.kind };
    if (r.case_no !== null) head.caseNo = r.case_no;
    if (r.seq !== null) head.seq = r.seq;
    head.occurredAt = r.occurred_at;
    return `${JSON.stringify(head).slice(0, -1)},"payload":${r.payload}}`;
  });
  return `{"hallCode":${JSON.stringify(batch.hallCode)},"sentAt":${JSON.stringify(batch.sentAt)},"records":[${records.join(',')}]}`;
}

export function httpCountyTransport(conn: CountyConnection, timeoutMs = COUNTY_TIMEOUT_MS): CountyTransport {
  const headers = { authorization: `Bearer ${conn.key}`, accept: 'application/json' };
  return {
    async sendBatch(batch, signal) {
      const answer = await httpExchange(
        endpoint(conn.url, '/api/v1/batches'),
        { method: 'POST', headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }, body: batchBody(batch) },
        signal,
        timeoutMs,
      );
      if ('code' in answer) return { kind: 'failed', error: answer };
      return parseBatchReply(answer.status, answer.text, new Set(batch.records.map((r) => r.record_id)));
    },
    async fetchDecisions(hallCode, after, signal) {
      const query = new URLSearchParams({ hallCode, ...(after === null ? {} : { after }) });
      const answer = await httpExchange(endpoint(conn.url, `/api/v1/decisions?${query.toString()}`), { method: 'GET', headers }, signal, timeoutMs);
      if ('code' in answer) return { kind: 'failed', error: answer };
      return parseDecisionsReply(answer.status, answer.text);
    },
  };
}
