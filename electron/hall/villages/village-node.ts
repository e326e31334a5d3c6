// Who a village node is at the hall: its device, the agent it acts for and that agent's villages.
import type { Db } from '../../../db/connection.js';
import { get, sql } from '../../../db/sql.js';
import { forbidden } from '../http/errors.js';
import type { Principal } from '../http/principal.js';
import { agentVillageCodes } from './village-store.js';

export interface VillageNode {
  deviceId: number;
  deviceName: string;
  agentUserId: number;
  agentName: string;
  agentUsername: string;
  /** The agent's active villages, read for this request. */
  villageCodes: ReadonlySet<string>;
}

export function villageNodeOf(db: Db, principal: Principal | null): VillageNode {
  if (principal?.kind !== 'device' || principal.device.kind !== 'village') throw forbidden();
  const row = get<{ agent_user_id: number | null; display_name: string; username: string; active: number }>(
    db,
    sql`SELECT d.agent_user_id, u.display_name, u.username, u.active FROM devices d JOIN users u ON u.id = d.agent_user_id WHERE d.id = ${principal.device.id}`,
  );
  // A node whose agent left acts for no one.
  if (!row || row.agent_user_id === null || row.active !== 1) throw forbidden();
  return {
    deviceId: principal.device.id,
    deviceName: principal.device.name,
    agentUserId: row.agent_user_id,
    agentName: row.display_name,
    agentUsername: row.username,
    villageCodes: new Set(agentVillageCodes(db, row.agent_user_id)),
  };
}
