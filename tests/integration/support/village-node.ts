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
import type { VillageProfile, VillageRecordKind } from '../../../electron/contract/village.js';
import { ID_NUMBER, MOBILE, NAME } from './cases.js';
import { createScanStore } from '../../../electron/village/scans/scan-store.js';

export const NODE_CLI = path.resolve('dist/electron/village/cli.js');

export function openNodeDatabase(dataDir: string): Db {
  const { key } = resolveDatabaseKey(dataDir, {}, process.platform, VILLAGE_DATABASE_FILES);
  const db = openDatabase(path.join(dataDir, VILLAGE_DATABASE_FILES.db), { key });
  migrate(db, villageMigrations);
  return db;
}

/** The profile a node keeps from its pairing; a hall host's own comes from GET /village/profile. */
export const testProfile = (nodeId: string, villageCode = SEED_VILLAGE): VillageProfile => ({
  nodeId,
  nodeName: '东岭村代办点',
  hall: { name: '测试镇', phone: null },
  agent: { id: 7, displayName: '王代办' },
  villages: [{ code: villageCode, name: '东岭村', gridPath: [] }],
});

/** Stores the pairing as POST /api/v1/pairing on the node would, with `hallUrl` (the hall, or a proxy before it). */
export function pairNode(db: Db, hallUrl: string, token: string, profile: VillageProfile): void {
  db.transaction(() => storePairing(db, hallUrl, token, profile, new Date())).immediate();
}

export interface SeededNode {
  /** recordIds of each request, in seq order. */
  byRequest: Map<string, string[]>;
  ids: string[];
  scans: Map<string, Buffer>;
}

export const SEED_VILLAGE = '320722100201';

/**
 * The records of one request as a hall takes them (DESIGN §9): seq 1 the 委托 naming `scan` (as the
 * signature and the ID card's scan), seq 2 its hand-over, then 中止 and 续办 in turn.
 */
export function seedPayload(seq: number, scan: string, villageCode = SEED_VILLAGE): { kind: VillageRecordKind; payload: Record<string, unknown> } {
  if (seq === 1) {
    return {
      kind: 'agent-request',
      payload: {
        villageCode,
        applicant: { name: NAME, residentId: ID_NUMBER, mobile: MOBILE },
        item: { code: 'TOWN01', name: '居住证明' },
        authorisation: { scope: '代为提交申请材料并领取结果', validFrom: '2026-03-02', validUntil: '2026-06-30', signature: { kind: 'drawn', sha256: scan }, authorisedAt: '2026-03-02T09:00:00+08:00' },
        materials: [{ name: '居民身份证', originals: 1, copies: 1, scans: [scan] }],
        missing: [],
      },
    };
  }
  if (seq === 2) {
    return { kind: 'handover', payload: { handoverId: `handover-${scan.slice(0, 16)}`, handedAt: '2026-03-03T09:00:00+08:00', batchSize: 1, materials: [{ name: '居民身份证', originals: 1, copies: 1 }] } };
  }
  return { kind: 'agent-event', payload: { action: seq % 2 === 1 ? 'suspend' : 'resume', note: `step ${seq}` } };
}

/**
 * `requests` requests of `perRequest` records each (seedPayload), each naming one scan of `scanBytes`
 * random bytes — or of `largeScanBytes` for the first `largeScans` requests (chunked, resumed).
 */
export function seedNode(
  dataDir: string,
  opts: { requests: number; perRequest: number; scanBytes: number; largeScans?: number; largeScanBytes?: number; villageCode?: string },
): SeededNode {
  const db = openNodeDatabase(dataDir);
  const store = createScanStore(db, dataDir);
  const seeded: SeededNode = { byRequest: new Map(), ids: [], scans: new Map() };
  try {
    for (let r = 0; r < opts.requests; r++) {
      const requestId = randomUUID();
      const bytes = randomBytes(r < (opts.largeScans ?? 0) ? opts.largeScanBytes ?? opts.scanBytes : opts.scanBytes);
      const sha = store.storeScan(bytes);
      seeded.scans.set(sha, bytes);
      const ids: string[] = [];
      db.transaction(() => {
        for (let seq = 1; seq <= opts.perRequest; seq++) {
          ids.push(appendRecord(db, { ...seedPayload(seq, sha, opts.villageCode), requestId, occurredAt: new Date().toISOString() }));
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
  stderr: () => string;
  exited: Promise<number | null>;
}

/** `execArgv`: options for node itself, before the script (a bench's --import of a probe). */
export function startNodeProcess(args: string[], execArgv: string[] = []): Promise<NodeProcess> {
  if (!existsSync(NODE_CLI)) throw new Error('dist/ is missing: run `npm run build:node` first');
  const child = spawn(process.execPath, [...execArgv, NODE_CLI, '--port', '0', ...args]);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line in 60 s; stdout: ${out} stderr: ${err}`)), 60_000);
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      out += d;
      const m = /^village node listening on (http:\/\/\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1]!, stderr: () => err, exited });
      }
    });
    void exited.then((code) => reject(new Error(`exited ${code} before ready: ${err}`)));
  });
}

export async function nodeHealth(base: string): Promise<{ paired: boolean; hallReachable: boolean; pending: { records: number; scans: number } }> {
  const res = await fetch(`${base}/api/v1/health`);
  return (await res.json()) as { paired: boolean; hallReachable: boolean; pending: { records: number; scans: number } };
}
