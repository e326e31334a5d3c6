// The SQL of agent requests (代办件) at the hall: the row, its lookups and its timeline entries.
import type { Db } from '../../../db/connection.js';
import { get, run, sql } from '../../../db/sql.js';
import type { AgentRequestState } from '../../contract/agent-requests.js';

export interface AgentRequestRow {
  id: number;
  request_id: string;
  village_code: string;
  agent_user_id: number;
  device_id: number;
  applicant_name: string;
  id_number: string;
  mobile: string;
  item_code: string;
  item_name: string;
  authorisation: string;
  materials: string;
  missing: string;
  duplicate_reason: string | null;
  state: AgentRequestState;
  case_id: number | null;
  handover_id: string | null;
  received_at: string | null;
  received_by: number | null;
  last_seq: number;
  authorised_at: string;
  created_at: string;
  updated_at: string;
}

export function agentRequestByRequestId(db: Db, requestId: string): AgentRequestRow | undefined {
  return get<AgentRequestRow>(db, sql`SELECT * FROM agent_requests WHERE request_id = ${requestId}`);
}

export function agentRequestById(db: Db, id: number): AgentRequestRow | undefined {
  return get<AgentRequestRow>(db, sql`SELECT * FROM agent_requests WHERE id = ${id}`);
}

export function insertRequestEvent(db: Db, agentRequestId: number, actorName: string, at: Date, e: { action: string; note: string; detail?: Record<string, unknown> }): void {
  run(
    db,
    sql`INSERT INTO agent_request_events (agent_request_id, action, actor_name, at, note, detail)
        VALUES (${agentRequestId}, ${e.action}, ${actorName}, ${at.toISOString()}, ${e.note}, ${e.detail ? JSON.stringify(e.detail) : null})`,
  );
}
