// A ticket acknowledged to the kiosk survives `kill -9` of the host at any moment, and numbers are
// never reused within a category and day (issue 3). The host is killed during a storm of tickets.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call, openHostDatabase, startHostProcess } from './support/host-process.js';

const data = mkdtempSync(path.join(os.tmpdir(), 'hall-kill-'));
afterAll(() => rmSync(data, { recursive: true, force: true }));

const ADMIN = 'kill-test-admin';

describe('kill -9 during a ticket storm', () => {
  it('keeps every acknowledged ticket and never reuses a number, over 4 kills', async () => {
    let host = await startHostProcess(['--data', data, '--admin-password', ADMIN]);
    const admin = (await call(host.base, 'POST', '/auth/login', null, { username: 'admin', password: ADMIN })).body.token;
    const settings = (await call(host.base, 'GET', '/queue/settings', admin)).body;
    await call(host.base, 'PUT', '/queue/settings', admin, { ...settings, periods: [{ open: '00:00', close: '23:59' }], weekdays: [1, 2, 3, 4, 5, 6, 7], holidaysClosed: false });
    await call(host.base, 'POST', '/queue/categories', admin, { code: 'A', name: '综合', prefix: 'A' });
    await call(host.base, 'POST', '/queue/categories', admin, { code: 'B', name: '民政', prefix: 'B' });
    const kiosk = (await call(host.base, 'POST', '/devices', admin, { name: '取号机', kind: 'kiosk' })).body.token;

    const acknowledged = new Map<number, string>();
    for (let round = 0; round < 4; round++) {
      let stop = false;
      // Kill after a random number of answers in this round, not after a random time: on a loaded
      // machine a time could pass before the storm got going. The kill lands while 8 requests are
      // being committed, whatever the machine's speed.
      const killAfter = acknowledged.size + 15 + Math.floor(Math.random() * 30);
      let due!: () => void;
      const killDue = new Promise<void>((resolve) => (due = resolve));
      const lanes = Array.from({ length: 8 }, async (_, lane) => {
        while (!stop) {
          try {
            const res = await call(host.base, 'POST', '/queue/tickets', kiosk, { categoryCode: lane % 2 ? 'A' : 'B' });
            if (res.status === 201) acknowledged.set(res.body.id, res.body.number);
            if (acknowledged.size >= killAfter) due();
          } catch {
            return; // the host is gone: this request was never acknowledged
          }
        }
      });
      // Every lane ending first (the host died by itself) fails the count checks below, not a timeout.
      const storm = Promise.all(lanes).then(() => due());
      await killDue;
      host.child.kill('SIGKILL');
      await host.exited;
      stop = true;
      await storm;
      host = await startHostProcess(['--data', data]);
    }
    expect(acknowledged.size).toBeGreaterThan(50);

    const db = openHostDatabase(data, { readonly: true });
    const rows = db.prepare('SELECT id, number, business_day, category_id FROM tickets').all() as Array<{ id: number; number: string; business_day: string; category_id: number }>;
    const stored = new Map(rows.map((r) => [r.id, r.number]));
    for (const [id, number] of acknowledged) expect(stored.get(id)).toBe(number);
    const keys = rows.map((r) => `${r.business_day}/${r.category_id}/${r.number}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const maxA = Math.max(...rows.filter((r) => r.number.startsWith('A')).map((r) => Number(r.number.slice(1))));
    db.close();

    // After all that, the next number follows the highest ever given.
    const next = await call(host.base, 'POST', '/queue/tickets', kiosk, { categoryCode: 'A' });
    expect(Number(next.body.number.slice(1))).toBe(maxA + 1);
    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);
  });
});
