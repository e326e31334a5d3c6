// What encryption at rest costs a ticket: two hall services built by the same buildHallServer, one on
// an encrypted database (SQLCipher 4, as the host runs) and one on a plain one, in the same folder of
// the same disk, issuing tickets in alternating blocks so drift on the machine hits both alike. The
// raw floor is measured the same way: one single-row INSERT with WAL + synchronous=FULL, encrypted
// and plain. The services run in this process (the host always encrypts, so the plain baseline cannot
// be the built host); the client's share of the time is therefore in both columns.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { openDatabase, type Db } from '../../db/connection.js';
import { startHall, type TestHall } from '../integration/support/hall.js';
import { setupQueue } from '../integration/support/queue.js';
import { request } from './support/bench-host.js';
import { ms, percentile, printTable } from './support/stats.js';

const BLOCK = 50;
const BLOCKS = 20;
const WARMUP = 50;
const BUDGET_MS = 120_000;

interface Side {
  name: string;
  hall: TestHall;
  kiosk: string;
  times: number[];
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
let sides: Side[] = [];

beforeAll(async () => {
  for (const [name, encrypted] of [['encrypted', true], ['plain', false]] as const) {
    const hall = await startHall({ encrypted });
    const { kiosk } = await setupQueue(hall, 1, [['A']]);
    sides.push({ name, hall, kiosk, times: [] });
  }
});
afterAll(async () => {
  agent.destroy();
  for (const s of sides) await s.hall.close();
  sides = [];
});

async function issue(side: Side, record: boolean): Promise<void> {
  const started = performance.now();
  const res = await request(agent, side.hall.base, 'POST', '/queue/tickets', side.kiosk, { categoryCode: 'A' });
  if (record) side.times.push(performance.now() - started);
  if (res.status !== 201) throw new Error(`${side.name}: ticket refused: ${res.status} ${JSON.stringify(res.body)}`);
}

function rawTable(file: string, key: Buffer | null): { db: Db; once(i: number): void } {
  const db = openDatabase(file, { key });
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, day TEXT NOT NULL, number TEXT NOT NULL, status TEXT NOT NULL, at TEXT NOT NULL) STRICT');
  const insert = db.prepare('INSERT INTO t (day, number, status, at) VALUES (?, ?, ?, ?)');
  return { db, once: (i) => void insert.run('2026-03-02', `A${String(i).padStart(3, '0')}`, 'waiting', new Date().toISOString()) };
}

it('issue-ticket: encrypted vs plain database, side by side', async () => {
  for (const side of sides) for (let i = 0; i < WARMUP; i++) await issue(side, false);
  const until = performance.now() + BUDGET_MS;
  for (let b = 0; b < BLOCKS && performance.now() < until; b++) {
    // Alternating which side goes first, so neither always follows the other's checkpoint.
    for (const side of b % 2 === 0 ? sides : [...sides].reverse()) for (let i = 0; i < BLOCK; i++) await issue(side, true);
  }

  // The floor under both: the same INSERT, encrypted and plain, in the same folder.
  const folder = sides[0]!.hall.dataDir;
  const raws = [
    { name: 'encrypted', ...rawTable(path.join(folder, 'raw-encrypted.db'), randomBytes(32)), times: [] as number[] },
    { name: 'plain', ...rawTable(path.join(folder, 'raw-plain.db'), null), times: [] as number[] },
  ];
  for (const r of raws) for (let i = 0; i < WARMUP; i++) r.once(i);
  for (let b = 0; b < BLOCKS; b++) {
    for (const r of b % 2 === 0 ? raws : [...raws].reverse()) {
      for (let i = 0; i < BLOCK; i++) {
        const started = performance.now();
        r.once(b * BLOCK + i);
        r.times.push(performance.now() - started);
      }
    }
  }
  for (const r of raws) r.db.close();

  const [enc, plain] = sides as [Side, Side];
  const [rawEnc, rawPlain] = raws as [(typeof raws)[0], (typeof raws)[0]];
  const row = (what: string, t: number[]) => [what, t.length, ms(percentile(t, 50)), ms(percentile(t, 95)), ms(percentile(t, 99)), (1000 / percentile(t, 50)).toFixed(0)];
  printTable('issue-ticket, encryption at rest (sequential, one client, alternating blocks of 50)', ['what', 'runs', 'p50', 'p95', 'p99', 'ops/s at p50'], [
    row('POST /queue/tickets, encrypted database', enc.times),
    row('POST /queue/tickets, plain database', plain.times),
    row('raw INSERT WAL + FULL, encrypted', rawEnc.times),
    row('raw INSERT WAL + FULL, plain', rawPlain.times),
  ]);
  const ratio = (a: number[], b: number[], p: number) => (percentile(a, p) / percentile(b, p)).toFixed(2);
  process.stdout.write(
    `ticket issue, encrypted ÷ plain: p50 ${ratio(enc.times, plain.times, 50)}, p95 ${ratio(enc.times, plain.times, 95)}, p99 ${ratio(enc.times, plain.times, 99)}\n` +
      `raw INSERT, encrypted ÷ plain: p50 ${ratio(rawEnc.times, rawPlain.times, 50)}, p99 ${ratio(rawEnc.times, rawPlain.times, 99)}\n`,
  );
});
