// A village node's place at a hall host process (DESIGN §9), set up over the admin API as an admin
// would: the village, an agent on it, and a village device bound to the agent, with the profile the
// hall gives that device (what the node keeps when it pairs).
import type { VillageProfile } from '../../../electron/contract/village.js';
import { call } from './host-process.js';

export interface HostVillageNode {
  token: string;
  deviceId: number;
  agentId: number;
  profile: VillageProfile;
}

async function ok(base: string, method: string, url: string, token: string, body?: unknown): Promise<any> {
  const res = await call(base, method, url, token, body);
  if (res.status !== 200 && res.status !== 201) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A village (12-digit code), an agent on it and a village device for the agent; returns the device's pairing token. */
export async function addHostVillageNode(base: string, admin: string, village: { code: string; name: string }, agentUsername: string): Promise<HostVillageNode> {
  await ok(base, 'POST', '/villages', admin, { code: village.code, name: village.name, grid: ['片区', village.name, '第一网格'] });
  const agent = await ok(base, 'POST', '/users', admin, { username: agentUsername, password: `password-${agentUsername}`, displayName: `${village.name}代办员`, role: 'agent' });
  await ok(base, 'PUT', `/agents/${agent.id}/villages`, admin, { villageCodes: [village.code] });
  const device = await ok(base, 'POST', '/devices', admin, { name: `${village.name}代办点`, kind: 'village', agentId: agent.id });
  const profile = (await ok(base, 'GET', '/village/profile', device.token)) as VillageProfile;
  return { token: device.token, deviceId: device.id, agentId: agent.id, profile };
}

