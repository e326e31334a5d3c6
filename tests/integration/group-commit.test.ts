// Group commit (issue 11): concurrent writes share commits, and one request's error touches no other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type TestHall } from './support/hall.js';
import { setupQueue, type QueueFixture } from './support/queue.js';

let h: TestHall;
let q: QueueFixture;
beforeAll(async () => {
  h = await startHall();
  q = await setupQueue(h, 2);
});
afterAll(() => h.close());

describe('group commit', () => {
  it('runs 40 concurrent tickets through the committer; refused requests among them change nothing else', async () => {
    const before = h.hall.committer.stats();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: i % 4 === 3 ? 'NOPE' : 'A' } })),
    );
    const ok = answers.filter((a) => a.status === 201);
    expect(ok).toHaveLength(30);
    expect(answers.filter((a) => a.status === 400)).toHaveLength(10);
    const numbers = ok.map((a) => a.body.number as string);
    expect(new Set(numbers).size).toBe(30);
    const stored = h.db.prepare(`SELECT count(*) AS n FROM tickets`).get() as { n: number };
    expect(stored.n).toBe(30);
    const after = h.hall.committer.stats();
    expect(after.writes - before.writes).toBe(40);
    // Every write went through the committer (in one process the client's requests arrive one loop
    // turn apart, so groups here are small; tests/bench/group-commit.bench.ts measures them shared).
    expect(after.groups - before.groups).toBeLessThanOrEqual(40);
    expect(h.hall.committer.enabled).toBe(true);
  });
});
