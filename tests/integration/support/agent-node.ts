// A village node database with the agent's records, for the agent module's tests: a real SQLite file
// migrated with the node's migrations, the shipped holiday calendar and a small mirrored catalogue.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../../db/connection.js';
import { migrate } from '../../../db/migrate.js';
import type { Migration } from '../../../db/migrations/index.js';
import { all, get, run, sql } from '../../../db/sql.js';
import * as agentRecords from '../../../db/village-migrations/0002-agent-records.js';
import { searchKeyOf } from '../../../electron/hall/catalog/search-key.js';
import { loadShippedCalendar, shippedDays } from '../../../electron/hall/calendar/shipped.js';
import type { WorkingCalendar } from '../../../electron/hall/calendar/working-days.js';
import type { AgentDeps, AppendRecordInput, MirroredItem } from '../../../electron/village/agent/agent-deps.js';

// Until the node's own 0001 lands: the audit chain's tables and an outbox the records can be read from.
const foundation: Migration = {
  version: 1,
  name: 'test-foundation',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor_kind TEXT NOT NULL, actor_id INTEGER,
        actor_name TEXT NOT NULL, terminal TEXT, action TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT,
        state_before TEXT, state_after TEXT, note TEXT, detail TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL) STRICT;
      CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), last_id INTEGER NOT NULL, last_hash TEXT NOT NULL) STRICT;
      INSERT INTO audit_head VALUES (1, 0, '${'0'.repeat(64)}');
      CREATE TABLE test_outbox (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, request_id TEXT NOT NULL, seq INTEGER NOT NULL,
        occurred_at TEXT NOT NULL, payload TEXT NOT NULL, UNIQUE (request_id, seq)) STRICT;
    `);
  },
};

export const VILLAGES = [
  { code: '320412101201', name: '东桥村' },
  { code: '320412101202', name: '西河村' },
];

const ITEMS = [
  {
    code: 'T-001',
    name: '最低生活保障申请',
    keywords: ['低保'],
    materials: [
      { name: '居民身份证', required: true, originals: 1, copies: 1 },
      { name: '户口簿', required: true, originals: 1, copies: 0 },
      { name: '家庭收入证明', required: true, originals: 1, copies: 0 },
      { name: '残疾证', required: false, originals: 0, copies: 1 },
    ],
  },
  { code: 'T-002', name: '户籍证明', keywords: [], materials: [{ name: '居民身份证', required: true, originals: 1, copies: 0 }] },
];

export const CATALOG: MirroredItem[] = ITEMS.map((i) => ({ code: i.code, name: i.name, searchKey: searchKeyOf(i), materials: i.materials }));

export function shippedCalendar(): WorkingCalendar {
  const days = shippedDays(loadShippedCalendar());
  return {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
  };
}

export interface OutboxLine {
  kind: string;
  request_id: string;
  seq: number;
  payload: Record<string, unknown>;
}

export function outboxOf(db: Db): OutboxLine[] {
  return all<{ kind: string; request_id: string; seq: number; payload: string }>(db, sql`SELECT kind, request_id, seq, payload FROM test_outbox ORDER BY id`).map(
    (r) => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> }),
  );
}

export function openAgentNode(at: Date): { db: Db; deps: AgentDeps; file: string; setNow(d: Date): void } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'agent-node-')), 'node.sqlite');
  const db = openDatabase(file);
  migrate(db, [foundation, agentRecords]);
  let now = at;
  const deps: AgentDeps = {
    clock: { now: () => now },
    actor: () => ({ kind: 'user', id: 7, name: 'agent1', terminal: 'village-node' }),
    timeZone: 'Asia/Shanghai',
    calendar: shippedCalendar(),
    appendRecord(d, input: AppendRecordInput) {
      if (!d.inTransaction) throw new Error('appendRecord outside a transaction');
      const last = get<{ s: number | null }>(d, sql`SELECT max(seq) AS s FROM test_outbox WHERE request_id = ${input.requestId}`);
      const seq = input.seq ?? (last?.s ?? 0) + 1;
      run(d, sql`INSERT INTO test_outbox (kind, request_id, seq, occurred_at, payload) VALUES (${input.kind}, ${input.requestId}, ${seq}, ${input.occurredAt}, ${JSON.stringify(input.payload)})`);
      return `${input.requestId}-${seq}`;
    },
    villages: () => VILLAGES,
    catalogItem: (_d, code) => CATALOG.find((i) => i.code === code) ?? null,
    catalogItems: () => CATALOG,
  };
  return { db, deps, file, setNow: (d) => (now = d) };
}
