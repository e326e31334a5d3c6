// The feed the nodes pull (GET /village/changes, DESIGN §9): one row per change to an agent request,
// written in the transaction of the change, read by cursor. A node sees only its own agent's
// requests in the agent's villages.
import type { Db } from '../../../db/connection.js';
import { all, run, sql } from '../../../db/sql.js';
import { VILLAGE_CHANGE_PAYLOADS, type VillageChange, type VillageChangeKind, type VillageChangesReply } from '../../contract/village.js';
import type { VillageNode } from './village-node.js';

export const CHANGES_PAGE = 200;

export interface ChangedRequest {
  id: number;
  village_code: string;
}

/** Appends one change; the payload is checked against the contract so a node can always parse it. */
export function appendVillageChange(db: Db, request: ChangedRequest, kind: VillageChangeKind, payload: Record<string, unknown>, at: Date): number {
  if (!db.inTransaction) throw new Error('appendVillageChange must run inside the transaction of the change it reports');
  const checked = VILLAGE_CHANGE_PAYLOADS[kind].parse(payload) as Record<string, unknown>;
  const { lastInsertRowid } = run(
    db,
    sql`INSERT INTO village_changes (agent_request_id, village_code, kind, payload, created_at)
        VALUES (${request.id}, ${request.village_code}, ${kind}, ${JSON.stringify(checked)}, ${at.toISOString()})`,
  );
  return Number(lastInsertRowid);
}

/** Cursors are decimal text; anything else starts from the beginning of what the node may see. */
export function parseCursor(after: string | undefined): number {
  return after !== undefined && /^\d{1,15}$/.test(after) ? Number(after) : 0;
}

export function changesPage(db: Db, node: VillageNode, after: number, limit = CHANGES_PAGE): VillageChangesReply {
  const villages = [...node.villageCodes];
  if (villages.length === 0) return { changes: [], next: null };
  const rows = all<{ cursor: number; request_id: string; kind: VillageChangeKind; payload: string }>(
    db,
    sql`SELECT c.cursor, r.request_id, c.kind, c.payload FROM village_changes c JOIN agent_requests r ON r.id = c.agent_request_id
        WHERE c.cursor > ${after} AND r.agent_user_id = ${node.agentUserId}
          AND c.village_code IN (SELECT value FROM json_each(${JSON.stringify(villages)}))
        ORDER BY c.cursor LIMIT ${limit}`,
  );
  const changes: VillageChange[] = rows.map((r) => ({
    requestId: r.request_id,
    kind: r.kind,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    cursor: String(r.cursor),
  }));
  return { changes, next: changes.length ? changes[changes.length - 1]!.cursor : null };
}
