// A village node database with the agent's records, for the agent module's tests: a real SQLite file
// migrated with the node's migrations, paired (two villages), a mirrored catalogue, the node's real
// outbox (appendRecord) and scan store, and a clock the test moves.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../../db/connection.js';
import { migrate } from '../../../db/migrate.js';
import { all, sql } from '../../../db/sql.js';
import { villageMigrations } from '../../../db/village-migrations/index.js';
import type { AgentDeps } from '../../../electron/village/agent/agent-deps.js';
import { agentDepsOf } from '../../../electron/village/agent/agent-module.js';
import { storeCatalog } from '../../../electron/village/link/catalog-mirror.js';
import { storePairing } from '../../../electron/village/link/node-state.js';
import { createScanStore } from '../../../electron/village/scans/scan-store.js';

export const VILLAGES = [
  { code: '320412101201', name: '东桥村', gridPath: ['东片', '东桥村'] },
  { code: '320412101202', name: '西河村', gridPath: ['西片', '西河村'] },
];

const line = (name: string, required: boolean, originals: number, copies: number) => ({
  name,
  requirement: required ? 'required' : 'conditional',
  condition: required ? '' : '持证的',
  originals,
  copies,
  electronic: false,
  source: 'applicant',
  notes: '',
});

/** Items as the hall's GET /village/catalog sends them (the catalogue contract's Item). */
export const CATALOG_ITEMS = [
  {
    code: 'T-001',
    name: '最低生活保障申请',
    keywords: ['低保'],
    materials: [line('居民身份证', true, 1, 1), line('户口簿', true, 1, 0), line('家庭收入证明', true, 1, 0), line('残疾证', false, 0, 1)],
  },
  { code: 'T-002', name: '户籍证明', keywords: [], materials: [line('居民身份证', true, 1, 0)] },
];

export interface AgentNode {
  db: Db;
  deps: AgentDeps;
  file: string;
  setNow(d: Date): void;
  /** Stores bytes as a scan on the node, as the page's uploads do; returns the SHA-256. */
  scan(text: string): string;
}

export function outboxOf(db: Db): { kind: string; request_id: string; seq: number; payload: Record<string, unknown> }[] {
  return all<{ kind: string; request_id: string; seq: number; payload: string }>(db, sql`SELECT kind, request_id, seq, payload FROM link_outbox ORDER BY id`).map(
    (r) => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> }),
  );
}

export function openAgentNode(at: Date): AgentNode {
  const dir = mkdtempSync(path.join(tmpdir(), 'agent-node-'));
  const file = path.join(dir, 'node.sqlite');
  const db = openDatabase(file);
  migrate(db, villageMigrations);
  let now = at;
  const clock = { now: () => now };
  db.transaction(() =>
    storePairing(db, 'http://127.0.0.1:1', 'token', { nodeId: 'node-1', nodeName: '东岭村代办点', hall: { name: '测试镇便民服务中心', phone: null }, agent: { id: 7, displayName: '李代办' }, villages: VILLAGES }, at),
  )();
  storeCatalog(db, 1, CATALOG_ITEMS);
  const scans = createScanStore(db, dir, () => now);
  return { db, deps: agentDepsOf({ clock }), file, setNow: (d) => (now = d), scan: (text) => scans.storeScan(Buffer.from(text)) };
}
