// --demo: a small example township so a new install can be tried at once. Marked as example data;
// the demo terminals' pairing codes are kept in plain text (settings 'demo.pairing') so that every
// demo start can print ready-to-open links — never do this outside demo mode.
import type { Db } from '../../db/connection.js';
import type { Role } from '../contract/api.js';
import type { Clock } from './clock.js';
import { createDevice } from './devices/service.js';
import { SYSTEM_ACTOR } from './http/principal.js';
import { getSetting, setSetting } from './settings/service.js';
import { createUser, usernameTaken } from './users/service.js';

export const DEMO_PASSWORD = 'demo1234';

export const DEMO_USERS: ReadonlyArray<{ username: string; displayName: string; role: Role }> = [
  { username: 'clerk1', displayName: '王芳', role: 'clerk' },
  { username: 'clerk2', displayName: '李强', role: 'clerk' },
  { username: 'back1', displayName: '陈静', role: 'backoffice' },
  { username: 'agent1', displayName: '赵建国', role: 'agent' },
  { username: 'lead1', displayName: '周敏', role: 'supervisor' },
];

const DEMO_TERMINALS = [
  { name: '大厅取号机', kind: 'kiosk', page: 'kiosk' },
  { name: '大厅叫号屏', kind: 'display', page: 'display' },
  { name: '1号窗口评价器', kind: 'rating', page: 'rating' },
] as const;

export interface DemoPairing {
  name: string;
  page: string;
  token: string;
}

export async function loadDemo(db: Db, clock: Clock): Promise<DemoPairing[]> {
  const existing = getSetting(db, 'demo.pairing');
  if (existing) return JSON.parse(existing) as DemoPairing[];
  setSetting(db, clock, 'hall.name', '安峰镇便民服务中心（演示）');
  for (const user of DEMO_USERS) {
    if (!usernameTaken(db, user.username)) await createUser(db, clock, SYSTEM_ACTOR, { ...user, password: DEMO_PASSWORD });
  }
  const pairings = DEMO_TERMINALS.map((t) => {
    const { token } = createDevice(db, clock, SYSTEM_ACTOR, { name: t.name, kind: t.kind });
    return { name: t.name, page: t.page, token };
  });
  setSetting(db, clock, 'demo.pairing', JSON.stringify(pairings));
  return pairings;
}
