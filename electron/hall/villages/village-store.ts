// Villages and communities (村/社区) with their division codes and grid paths, and the agents who
// serve them (DOMAIN §4). Admin changes are audited in the same transaction.
import type { Db } from '../../../db/connection.js';
import { all, get, run, sql } from '../../../db/sql.js';
import type { AgentVillagesRequest, CreateVillageRequest, UpdateVillageRequest, VillageAgent, VillageList, VillageView } from '../../contract/agent-requests.js';
import type { VillageInfo } from '../../contract/village.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import { conflict, notFound, validationError } from '../http/errors.js';
import type { Actor } from '../http/principal.js';

interface VillageRow {
  code: string;
  name: string;
  grid: string;
  active: number;
}

interface AgentRow {
  id: number;
  username: string;
  display_name: string;
  active: number;
}

const toAgent = (a: AgentRow): VillageAgent => ({ id: a.id, username: a.username, displayName: a.display_name, active: a.active === 1 });

export function villageRow(db: Db, code: string): VillageRow | undefined {
  return get<VillageRow>(db, sql`SELECT code, name, grid, active FROM villages WHERE code = ${code}`);
}

function toView(db: Db, v: VillageRow): VillageView {
  const agents = all<AgentRow>(
    db,
    sql`SELECT u.id, u.username, u.display_name, u.active FROM agent_villages av JOIN users u ON u.id = av.user_id
        WHERE av.village_code = ${v.code} ORDER BY u.id`,
  );
  return { code: v.code, name: v.name, grid: JSON.parse(v.grid) as string[], active: v.active === 1, agents: agents.map(toAgent) };
}

export function listVillages(db: Db): VillageList {
  const rows = all<VillageRow>(db, sql`SELECT code, name, grid, active FROM villages ORDER BY code`).map((v) => toView(db, v));
  const agents = all<AgentRow>(db, sql`SELECT id, username, display_name, active FROM users WHERE role = 'agent' ORDER BY id`).map((a) => ({
    ...toAgent(a),
    villageCodes: agentVillageCodes(db, a.id, { activeOnly: false }),
  }));
  return { rows, agents };
}

export function createVillage(db: Db, clock: Clock, actor: Actor, input: CreateVillageRequest): VillageView {
  return db.transaction(() => {
    if (villageRow(db, input.code)) throw conflict('village_exists', { code: input.code });
    const now = clock.now().toISOString();
    run(db, sql`INSERT INTO villages (code, name, grid, active, created_at, updated_at) VALUES (${input.code}, ${input.name}, ${JSON.stringify(input.grid)}, 1, ${now}, ${now})`);
    appendAudit(db, actor, clock.now(), { action: 'village-create', entity: 'village', entityId: input.code, after: 'active', detail: { name: input.name, grid: input.grid } });
    return toView(db, villageRow(db, input.code)!);
  }).immediate();
}

export function updateVillage(db: Db, clock: Clock, actor: Actor, code: string, input: UpdateVillageRequest): VillageView {
  return db.transaction(() => {
    const before = villageRow(db, code);
    if (!before) throw notFound();
    const name = input.name ?? before.name;
    const grid = input.grid ? JSON.stringify(input.grid) : before.grid;
    const active = input.active === undefined ? before.active : input.active ? 1 : 0;
    run(db, sql`UPDATE villages SET name = ${name}, grid = ${grid}, active = ${active}, updated_at = ${clock.now().toISOString()} WHERE code = ${code}`);
    appendAudit(db, actor, clock.now(), {
      action: active === before.active ? 'village-update' : active ? 'village-activate' : 'village-deactivate',
      entity: 'village',
      entityId: code,
      before: before.active ? 'active' : 'inactive',
      after: active ? 'active' : 'inactive',
      detail: { name, grid: JSON.parse(grid) as unknown },
    });
    return toView(db, villageRow(db, code)!);
  }).immediate();
}

/** Replaces the set of villages an agent serves. */
export function setAgentVillages(db: Db, clock: Clock, actor: Actor, userId: number, input: AgentVillagesRequest): string[] {
  return db.transaction(() => {
    const user = get<{ role: string }>(db, sql`SELECT role FROM users WHERE id = ${userId}`);
    if (!user) throw notFound();
    if (user.role !== 'agent') throw validationError([{ field: 'id', code: 'not_active_agent' }]);
    const codes = [...new Set(input.villageCodes)].sort();
    const unknown = codes.flatMap((c, i) => (villageRow(db, c) ? [] : [{ field: `villageCodes.${i}`, code: 'unknown_village', params: { code: c } }]));
    if (unknown.length) throw validationError(unknown);
    const before = agentVillageCodes(db, userId, { activeOnly: false });
    run(db, sql`DELETE FROM agent_villages WHERE user_id = ${userId}`);
    for (const c of codes) run(db, sql`INSERT INTO agent_villages (user_id, village_code) VALUES (${userId}, ${c})`);
    appendAudit(db, actor, clock.now(), { action: 'agent-villages', entity: 'user', entityId: userId, before: before.join(','), after: codes.join(',') });
    return codes;
  }).immediate();
}

/** The villages an agent serves (active ones only unless asked). */
export function agentVillageCodes(db: Db, userId: number, options: { activeOnly: boolean } = { activeOnly: true }): string[] {
  return all<{ code: string }>(
    db,
    sql`SELECT v.code FROM agent_villages av JOIN villages v ON v.code = av.village_code
        WHERE av.user_id = ${userId} AND (${options.activeOnly ? 1 : 0} = 0 OR v.active = 1) ORDER BY v.code`,
  ).map((r) => r.code);
}

export function agentVillages(db: Db, userId: number): VillageInfo[] {
  return all<VillageRow>(
    db,
    sql`SELECT v.code, v.name, v.grid, v.active FROM agent_villages av JOIN villages v ON v.code = av.village_code
        WHERE av.user_id = ${userId} AND v.active = 1 ORDER BY v.code`,
  ).map((v) => ({ code: v.code, name: v.name, gridPath: JSON.parse(v.grid) as string[] }));
}
