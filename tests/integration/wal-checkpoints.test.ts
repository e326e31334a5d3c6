// Under group commit the host's connection never checkpoints inside a COMMIT (wal-checkpointer.ts): a
// worker thread with its own connection does, and the WAL stays bounded while the host writes.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type TestHall } from './support/hall.js';

let h: TestHall;
beforeAll(async () => {
  h = await startHall();
});
afterAll(() => h.close());

describe('WAL checkpoints', () => {
  it('are off the host connection and keep the WAL bounded through 4,000 writes in 200 group commits', async () => {
    expect(h.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const wal = path.join(h.dataDir, 'hall.db-wal');
    const pageSize = h.db.pragma('page_size', { simple: true }) as number;
    const update = h.db.prepare("UPDATE settings SET updated_at = ? WHERE key = (SELECT key FROM settings LIMIT 1)");
    // The WAL file keeps its largest size when SQLite starts it over; what it held before is the baseline.
    const before = statSync(wal).size;
    let largest = before;
    // Twenty at a time, so they share commits as concurrent requests do: 200 commits of at least one page.
    for (let i = 0; i < 100; i++) {
      await Promise.all(Array.from({ length: 20 }, (_, j) => h.hall.write(() => update.run(`2026-03-02T01:${String(i % 60).padStart(2, '0')}:${String(j).padStart(2, '0')}Z`))));
      await Promise.all(Array.from({ length: 20 }, () => h.hall.write(() => update.run(new Date().toISOString()))));
      largest = Math.max(largest, statSync(wal).size);
      // The checkpoint thread runs on a timer: give it the time commits on a fast disk would not.
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 300));
    }
    const stats = h.hall.committer.stats();
    expect(stats.groups).toBeGreaterThanOrEqual(200);
    // Without checkpoints every group's frames would stay, at least one page each: the file would grow
    // by 200 frames or more. With them the WAL starts over and holds only what came since the last one.
    const grownFrames = (largest - before) / (pageSize + 24);
    expect(grownFrames).toBeLessThan(stats.groups / 2);
  });

  it('start the WAL over under steady writes too, not only when the host pauses', async () => {
    const wal = path.join(h.dataDir, 'hall.db-wal');
    // The WAL header's checkpoint sequence (bytes 12–15) counts the times SQLite started the file over.
    const restarts = () => {
      const fd = openSync(wal, 'r');
      try {
        const header = Buffer.alloc(16);
        readSync(fd, header, 0, 16, 0);
        return header.readUInt32BE(12);
      } finally {
        closeSync(fd);
      }
    };
    const update = h.db.prepare("UPDATE settings SET updated_at = ? WHERE key = (SELECT key FROM settings LIMIT 1)");
    const first = restarts();
    // One client taking tickets back to back: each write waits for its sync, the next follows at once.
    // Before the catch-up rounds the checkpoint thread always finished a few commits behind, and the
    // WAL was hardly ever started over while this lasted (1 restart in 3 s, the file growing throughout).
    const until = performance.now() + 3000;
    let writes = 0;
    while (performance.now() < until) {
      await h.hall.write(() => update.run(new Date().toISOString()));
      writes += 1;
    }
    const restarted = restarts() - first;
    // Twelve checkpoint ticks in 3 s (every 250 ms): with the catch-up rounds each ended with the WAL
    // started over (12 of 12 here).
    expect(writes).toBeGreaterThan(100);
    expect(restarted, `${restarted} restarts in ${writes} writes`).toBeGreaterThanOrEqual(4);
  });
});

