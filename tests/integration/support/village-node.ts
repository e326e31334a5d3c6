// A village node for the link's tests: its database seeded as the node keeps it (encrypted with its
// own key, migrated, paired, records appended through the real outbox with their scans), and the
// built node (`node dist/electron/village/cli.js`) run as a real process.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../../../db/connection.js';
import { resolveDatabaseKey } from '../../../db/db-key.js';
import { migrate } from '../../../db/migrate.js';
import { villageMigrations } from '../../../db/village-migrations/index.js';
import { VILLAGE_DATABASE_FILES } from '../../../electron/village/config.js';
import { appendAudit } from '../../../electron/hall/audit/chain.js';
import { SYSTEM_ACTOR } from '../../../electron/hall/http/principal.js';
import { appendRecord } from '../../../electron/village/link/records.js';
import { storePairing } from '../../../electron/village/link/node-state.js';
import { createScanStore } from '../../../electron/village/scans/scan-store.js';

export const NODE_CLI = path.resolve('dist/electron/village/cli.js');

export function openNodeDatabase(dataDir: string): Db {
  const { key } = resolveDatabaseKey(dataDir, {}, process.platform, VILLAGE_DATABASE_FILES);
  const db = openDatabase(path.join(dataDir, VILLAGE_DATABASE_FILES.db), { key });
  migrate(db, villageMigrations);
  return db;
}

export function pairNode(db: Db, hallUrl: string, token: string, nodeId: string): void {
  db.transaction(() =>
    storePairing(
      db,
      hallUrl,
      token,
      { nodeId, nodeName: '东岭村代办点', hall: { name: '测试镇', phone: null }, agent: { id: 7, displayName: '王代办' }, villages: [{ code: '320722100201', name: '东岭村', gridPath: [] }] },
      new Date(),
    ),
  ).immediate();
}

export interface SeededNode {
  /** recordIds of each request, in seq order. */
  byRequest: Map<string, string[]>;
  ids: string[];
  scans: Map<string, Buffer>;
}

/** `requests` requests of `perRequest` records each; seq 1 names one scan of `scanBytes` random bytes. */
export function seedNode(dataDir: string, opts: { requests: number; perRequest: number; scanBytes: number }): SeededNode {
  const db = openNodeDatabase(dataDir);
  const store = createScanStore(db, dataDir);
  const seeded: SeededNode = { byRequest: new Map(), ids: [], scans: new Map() };
  try {
    for (let r = 0; r < opts.requests; r++) {
      const requestId = randomUUID();
      const bytes = randomBytes(opts.scanBytes);
      const sha = store.storeScan(bytes);
      seeded.scans.set(sha, bytes);
      const ids: string[] = [];
      db.transaction(() => {
        for (let seq = 1; seq <= opts.perRequest; seq++) {
          const kind = seq === 1 ? 'agent-request' : 'agent-event';
          const payload = seq === 1 ? { villageCode: '320722100201', materials: [{ name: '居民身份证', originals: 1, copies: 1, scans: [sha] }] } : { action: 'resubmit', note: `step ${seq}` };
          ids.push(appendRecord(db, { kind, requestId, occurredAt: new Date().toISOString(), payload }));
        }
        // As a business transaction would: the audit row commits with the records.
        appendAudit(db, SYSTEM_ACTOR, new Date(), { action: 'test-request', entity: 'agent-request', entityId: requestId });
      }).immediate();
      seeded.byRequest.set(requestId, ids);
      seeded.ids.push(...ids);
    }
  } finally {
    db.close();
  }
  return seeded;
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export interface NodeProcess {
  child: ChildProcessWithoutNullStreams;
  base: string;
  exited: Promise<number | null>;
}

export function startNodeProcess(args: string[]): Promise<NodeProcess> {
  if (!existsSync(NODE_CLI)) throw new Error('dist/ is missing: run `npm run build:node` first');
  const child = spawn(process.execPath, [NODE_CLI, '--port', '0', ...args]);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line in 20 s; stdout: ${out} stderr: ${err}`)), 20_000);
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      out += d;
      const m = /^village node listening on (http:\/\/\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1]!, exited });
      }
    });
    void exited.then((code) => reject(new Error(`exited ${code} before ready: ${err}`)));
  });
}

export async function nodeHealth(base: string): Promise<{ paired: boolean; hallReachable: boolean; pending: { records: number; scans: number } }> {
  const res = await fetch(`${base}/api/v1/health`);
  return (await res.json()) as { paired: boolean; hallReachable: boolean; pending: { records: number; scans: number } };
}
