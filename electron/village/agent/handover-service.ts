// 移交: a batch of collected requests handed to the hall, one `handover` record per request naming
// the batch and its size, so the hall knows when its 移交清单 is complete.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/connection.js';
import { all, get, run, sql } from '../../../db/sql.js';
import type { HandoverView } from '../../contract/agent-node.js';
import { appendAudit } from '../../hall/audit/chain.js';
import { conflict, notFound } from '../../hall/http/errors.js';
import type { AgentDeps } from './agent-deps.js';
import { materialsOf, requestRecord } from './agent-store.js';

export function handOver(db: Db, deps: AgentDeps, requestIds: readonly string[]): HandoverView {
  const ids = [...new Set(requestIds)];
  const now = deps.clock.now();
  const at = now.toISOString();
  const handoverId = randomUUID();
  db.transaction(() => {
    for (const id of ids) {
      const r = requestRecord(db, id);
      if (r.state !== 'collected') throw conflict('agent_state', { state: r.state });
    }
    run(db, sql`INSERT INTO agent_handovers (handover_id, handed_at, size) VALUES (${handoverId}, ${at}, ${ids.length})`);
    for (const id of ids) {
      const materials = materialsOf(db, id)
        .filter((m) => m.originals + m.copies > 0)
        .map((m) => ({ name: m.name, originals: m.originals, copies: m.copies }));
      run(
        db,
        sql`UPDATE agent_requests SET state = 'handed-over', handover_id = ${handoverId}, handed_over_at = ${at}, updated_at = ${at}
            WHERE request_id = ${id}`,
      );
      deps.appendRecord(db, { kind: 'handover', requestId: id, occurredAt: at, payload: { handoverId, handedAt: at, batchSize: ids.length, materials } });
      appendAudit(db, deps.actor(), now, {
        action: 'agent.handover',
        entity: 'agent_request',
        entityId: id,
        before: 'collected',
        after: 'handed-over',
        detail: { handoverId, batchSize: ids.length },
      });
    }
  }).immediate();
  return handoverView(db, deps, handoverId);
}

/** The 移交清单 as printed: each request with its counted materials. */
export function handoverView(db: Db, deps: AgentDeps, handoverId: string): HandoverView {
  const h = get<{ handed_at: string }>(db, sql`SELECT handed_at FROM agent_handovers WHERE handover_id = ${handoverId}`);
  if (!h) throw notFound();
  const requests = all<{ request_id: string; village_code: string; applicant_name: string; item_name: string }>(
    db,
    sql`SELECT request_id, village_code, applicant_name, item_name FROM agent_requests WHERE handover_id = ${handoverId} ORDER BY created_at, request_id`,
  );
  const villages = new Map(deps.villages(db).map((v) => [v.code, v.name]));
  return {
    handoverId,
    handedAt: h.handed_at,
    ...deps.station(db),
    requests: requests.map((r) => ({
      requestId: r.request_id,
      villageName: villages.get(r.village_code) ?? r.village_code,
      applicantName: r.applicant_name,
      itemName: r.item_name,
      materials: materialsOf(db, r.request_id)
        .filter((m) => m.originals + m.copies > 0)
        .map((m) => ({ name: m.name, originals: m.originals, copies: m.copies })),
    })),
  };
}
