// --demo: three villages of the demo township (the town's 9-digit code + 3), and the demo agent on two.
import type { Db } from '../../../db/connection.js';
import { get, sql } from '../../../db/sql.js';
import type { Clock } from '../clock.js';
import { SYSTEM_ACTOR } from '../http/principal.js';
import { getSetting } from '../settings/service.js';
import { createVillage, setAgentVillages, villageRow } from './village-store.js';

export const DEMO_VILLAGES = [
  { suffix: '001', name: '安峰社区', grid: ['集镇片区', '安峰社区', '第一网格'] },
  { suffix: '201', name: '东岭村', grid: ['东部片区', '东岭村', '第一网格'] },
  { suffix: '202', name: '西河村', grid: ['西部片区', '西河村', '第二网格'] },
] as const;

export function loadDemoVillages(db: Db, clock: Clock, agentUsername: string): void {
  const town = getSetting(db, 'hall.code').slice(0, 9);
  if (!/^\d{9}$/.test(town)) return;
  for (const v of DEMO_VILLAGES) {
    if (!villageRow(db, town + v.suffix)) createVillage(db, clock, SYSTEM_ACTOR, { code: town + v.suffix, name: v.name, grid: [...v.grid] });
  }
  const agent = get<{ id: number }>(db, sql`SELECT id FROM users WHERE username = ${agentUsername} AND role = 'agent'`);
  if (agent) setAgentVillages(db, clock, SYSTEM_ACTOR, agent.id, { villageCodes: [`${town}201`, `${town}202`] });
}
