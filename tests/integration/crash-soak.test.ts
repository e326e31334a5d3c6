// Crash soak (issue 11): the host, group commit on (the default), killed with SIGKILL every few
// seconds under kiosks taking tickets and clerks receiving cases. After each restart the database
// passes integrity_check, the audit chain verifies, every acknowledged ticket and case is there with
// its number, and no ticket number was given twice. CRASH_SOAK_SECONDS=120 for the 2-minute run.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/hall/audit/chain.js';
import { openHostDatabase, startHostProcess } from './support/host-process.js';
import { emptyAcknowledged, setupTraffic, startTraffic, type Acknowledged } from './support/hall-traffic.js';

const SOAK_MS = Number(process.env.CRASH_SOAK_SECONDS ?? 25) * 1000;
const ADMIN = 'crash-soak-admin';
const data = mkdtempSync(path.join(os.tmpdir(), 'hall-soak-'));
afterAll(() => rmSync(data, { recursive: true, force: true }));

function checkDatabase(acked: Acknowledged): { tickets: number; cases: number } {
  const db = openHostDatabase(data, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyAudit(db)).toMatchObject({ ok: true });
    const tickets = db.prepare('SELECT id, number, business_day, category_id FROM tickets').all() as Array<{ id: number; number: string; business_day: string; category_id: number }>;
    const byId = new Map(tickets.map((t) => [t.id, t.number]));
    for (const [id, t] of acked.tickets) expect(byId.get(id), `ticket ${id}`).toBe(t.number);
    const keys = tickets.map((t) => `${t.business_day}/${t.category_id}/${t.number}`);
    expect(new Set(keys).size).toBe(keys.length);
    const cases = new Map((db.prepare('SELECT id, case_no FROM cases').all() as Array<{ id: number; case_no: string }>).map((c) => [c.id, c.case_no]));
    for (const [id, c] of acked.cases) expect(cases.get(id), `case ${id}`).toBe(c.caseNo);
    expect(new Set(cases.values()).size).toBe(cases.size);
    return { tickets: tickets.length, cases: cases.size };
  } finally {
    db.close();
  }
}

describe('crash soak', () => {
  it('loses no acknowledged write and reuses no number across kill -9 under queue and intake traffic', async () => {
    let host = await startHostProcess(['--data', data, '--admin-password', ADMIN]);
    const setup = await setupTraffic(host.base, ADMIN, 6, 2);
    const acked = emptyAcknowledged();
    const traffic = startTraffic(() => host.base, setup, acked);
    const until = Date.now() + SOAK_MS;
    let kills = 0;
    let stored = { tickets: 0, cases: 0 };
    while (Date.now() < until || kills < 2) {
      await new Promise((r) => setTimeout(r, 1000 + Math.random() * 2500));
      host.child.kill('SIGKILL');
      await host.exited;
      kills += 1;
      host = await startHostProcess(['--data', data], process.env, 60_000);
      stored = checkDatabase(acked);
    }
    await traffic.stop();
    stored = checkDatabase(acked);
    process.stdout.write(`crash soak: ${kills} kills, ${acked.tickets.size} tickets and ${acked.cases.size} cases acknowledged, ${stored.tickets} tickets and ${stored.cases} cases stored\n`);
    expect(acked.tickets.size).toBeGreaterThan(20);
    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);
  }, SOAK_MS + 240_000);
});
