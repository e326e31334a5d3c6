// Village set-up for the hall's side of §9: villages, agents on them, paired village nodes, scans
// sent whole, and record builders in the contract's shape.
import { createHash, randomUUID } from 'node:crypto';
import { ADMIN_PASSWORD, startHall, type TestHall } from './hall.js';
import { addItems, ID_NUMBER, MOBILE, NAME, staff, type Staff } from './cases.js';

export const TOWN = '320722100';
export const EAST = `${TOWN}201`;
export const WEST = `${TOWN}202`;
export const NORTH = `${TOWN}203`;

export interface VillageSetup {
  admin: string;
  agentId: number;
  otherAgentId: number;
  /** Node of the agent (on EAST and WEST) and of the other agent (on NORTH). */
  node: string;
  nodeId: number;
  otherNode: string;
  otherNodeId: number;
  agentToken: string;
  otherAgentToken: string;
}

export async function setUpVillages(h: TestHall, admin: string): Promise<VillageSetup> {
  for (const [code, name] of [[EAST, '东岭村'], [WEST, '西河村'], [NORTH, '北山村']] as const) {
    const res = await h.api('POST', '/villages', { token: admin, body: { code, name, grid: ['片区', name, '第一网格'] } });
    if (res.status !== 201) throw new Error(`village ${code}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const agentToken = await h.userToken('agent', 'agent-east');
  const otherAgentToken = await h.userToken('agent', 'agent-north');
  const idOf = (u: string) => (h.db.prepare('SELECT id FROM users WHERE username = ?').get(u) as { id: number }).id;
  const agentId = idOf('agent-east');
  const otherAgentId = idOf('agent-north');
  await h.api('PUT', `/agents/${agentId}/villages`, { token: admin, body: { villageCodes: [EAST, WEST] } });
  await h.api('PUT', `/agents/${otherAgentId}/villages`, { token: admin, body: { villageCodes: [NORTH] } });
  const node = await h.api('POST', '/devices', { token: admin, body: { name: '东岭代办点', kind: 'village', agentId } });
  const other = await h.api('POST', '/devices', { token: admin, body: { name: '北山代办点', kind: 'village', agentId: otherAgentId } });
  return { admin, agentId, otherAgentId, node: node.body.token, nodeId: node.body.id, otherNode: other.body.token, otherNodeId: other.body.id, agentToken, otherAgentToken };
}

/** A hall with the test items, its staff signed in, and the villages, agents and nodes above. */
export async function startVillageHall(): Promise<{ h: TestHall; s: Staff; v: VillageSetup }> {
  const h = await startHall();
  addItems(h);
  const s = await staff(h);
  const v = await setUpVillages(h, await h.login('admin', ADMIN_PASSWORD));
  return { h, s, v };
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export async function putChunk(h: TestHall, token: string, sha: string, chunk: Buffer, start: number, total: number): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${h.base}/api/v1/village/scans/${sha}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'content-range': `bytes ${start}-${start + chunk.length - 1}/${total}` },
    body: new Uint8Array(chunk),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

/** A small scan sent in one chunk; returns its hash. */
export async function sendScan(h: TestHall, token: string, content = `scan ${randomUUID()}`): Promise<string> {
  const bytes = Buffer.from(content);
  const sha = sha256(bytes);
  const res = await putChunk(h, token, sha, bytes, 0, bytes.length);
  if (res.status !== 200) throw new Error(`scan: ${res.status} ${JSON.stringify(res.body)}`);
  return sha;
}

export interface RecordOptions {
  requestId?: string;
  villageCode?: string;
  signature: string;
  materials?: Array<{ name: string; originals: number; copies: number; scans?: string[] }>;
  missing?: string[];
}

export function agentRequestRecord(o: RecordOptions) {
  const requestId = o.requestId ?? randomUUID();
  return {
    recordId: randomUUID(),
    kind: 'agent-request',
    requestId,
    seq: 1,
    occurredAt: '2026-03-02T09:00:00+08:00',
    payload: {
      villageCode: o.villageCode ?? EAST,
      applicant: { name: NAME, residentId: ID_NUMBER, mobile: MOBILE },
      item: { code: 'TOWN01', name: '居住证明' },
      authorisation: { scope: '代为提交居住证明申请材料并领取结果', validFrom: '2026-03-02', validUntil: '2026-06-30', signature: { kind: 'drawn', sha256: o.signature }, authorisedAt: '2026-03-02T09:00:00+08:00' },
      materials: o.materials ?? [{ name: '居民身份证', originals: 1, copies: 1, scans: [] }],
      missing: o.missing ?? ['户口簿'],
    },
  };
}

export function laterRecord(requestId: string, seq: number, kind: string, payload: Record<string, unknown>) {
  return { recordId: randomUUID(), kind, requestId, seq, occurredAt: '2026-03-02T10:00:00+08:00', payload };
}

export const handoverPayload = (handoverId: string, materials = [{ name: '居民身份证', originals: 1, copies: 1 }]) => ({
  handoverId,
  handedAt: '2026-03-03T09:00:00+08:00',
  batchSize: 1,
  materials,
});

export async function sendBatch(h: TestHall, token: string, records: unknown[]) {
  return h.api('POST', '/village/batches', { token, body: { nodeId: 'node-test', sentAt: '2026-03-02T10:00:00+08:00', records } });
}

export async function changes(h: TestHall, token: string, after?: string) {
  return h.api('GET', `/village/changes${after ? `?after=${after}` : ''}`, { token });
}
