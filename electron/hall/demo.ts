// --demo: a small example township so a new install can be tried at once. Marked as example data;
// the demo terminals' pairing codes are kept in plain text (settings 'demo.pairing') so that every
// demo start can print ready-to-open links — never do this outside demo mode.
import type { Db } from '../../db/connection.js';
import { get, sql } from '../../db/sql.js';
import type { Role } from '../contract/api.js';
import type { Clock } from './clock.js';
import { createDevice } from './devices/service.js';
import { SYSTEM_ACTOR } from './http/principal.js';
import { getSetting, setSetting, SETTING_DEFAULTS } from './settings/service.js';
import { createUser, usernameTaken } from './users/service.js';
import { createCategory, createWindow } from './queue/setup-service.js';
import { DEFAULT_QUEUE_SETTINGS, saveQueueSettings } from './queue/settings.js';
import { loadDemoVillages } from './villages/demo-villages.js';

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

/** agent1's village node: paired from `npm run village`'s page with this code (`page` 'village'). */
const DEMO_VILLAGE_NODE = '东岭村代办点（演示）';

export interface DemoPairing {
  name: string;
  /** The terminal's page on the hall, or 'village' for the village node, which serves its own. */
  page: string;
  token: string;
}

export async function loadDemo(db: Db, clock: Clock): Promise<DemoPairing[]> {
  const existing = getSetting(db, 'demo.pairing');
  if (existing) return JSON.parse(existing) as DemoPairing[];
  setSetting(db, clock, 'hall.name', '安峰镇便民服务中心（演示）');
  // Case numbers start with the hall's division code; a demo without --hall-code gets an example one.
  if (getSetting(db, 'hall.code') === SETTING_DEFAULTS['hall.code']) setSetting(db, clock, 'hall.code', '320722100');
  for (const user of DEMO_USERS) {
    if (!usernameTaken(db, user.username)) await createUser(db, clock, SYSTEM_ACTOR, { ...user, password: DEMO_PASSWORD });
  }
  const devices = DEMO_TERMINALS.map((t) => ({ ...t, ...createDevice(db, clock, SYSTEM_ACTOR, { name: t.name, kind: t.kind }) }));
  const pairings: DemoPairing[] = devices.map((d) => ({ name: d.name, page: d.page, token: d.token }));
  loadDemoQueue(db, clock, devices.find((d) => d.kind === 'rating')!.id);
  loadDemoVillages(db, clock, 'agent1');
  const agent = get<{ id: number }>(db, sql`SELECT id FROM users WHERE username = 'agent1' AND role = 'agent'`);
  if (agent) pairings.push({ name: DEMO_VILLAGE_NODE, page: 'village', token: createDevice(db, clock, SYSTEM_ACTOR, { name: DEMO_VILLAGE_NODE, kind: 'village', agentId: agent.id }).token });
  setSetting(db, clock, 'demo.pairing', JSON.stringify(pairings));
  return pairings;
}

const DEMO_CATEGORIES = [
  { code: 'A', name: '社保医保', prefix: 'A', description: '养老保险、医疗保险参保登记，待遇领取资格认证' },
  { code: 'B', name: '民政事务', prefix: 'B', description: '低保、特困、临时救助，残疾人两项补贴，高龄津贴' },
  { code: 'C', name: '综合受理', prefix: 'C', description: '农业补贴、宅基地建房、就业登记、退役军人服务等' },
];

/** Three categories and three windows, so the kiosk, counter and display can be tried at once. */
function loadDemoQueue(db: Db, clock: Clock, ratingDeviceId: number): void {
  DEMO_CATEGORIES.forEach((c, i) =>
    createCategory(db, clock, SYSTEM_ACTOR, { ...c, dailyLimit: null, priorityAllowed: true, itemCode: null, sortOrder: i + 1 }),
  );
  createWindow(db, clock, SYSTEM_ACTOR, { number: 1, name: '综合窗口', categoryCodes: ['A', 'C'], ratingDeviceId });
  createWindow(db, clock, SYSTEM_ACTOR, { number: 2, name: '民政窗口', categoryCodes: ['B', 'C'], ratingDeviceId: null });
  createWindow(db, clock, SYSTEM_ACTOR, { number: 3, name: '社保窗口', categoryCodes: ['A'], ratingDeviceId: null });
  // A demo is tried at any hour; a real hall sets its business hours in 排队设置.
  saveQueueSettings(db, clock, { ...DEFAULT_QUEUE_SETTINGS, periods: [{ open: '00:00', close: '23:59' }], weekdays: [1, 2, 3, 4, 5, 6, 7], holidaysClosed: false });
}
