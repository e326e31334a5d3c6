// Model test: random records, random poisoned records, random batch sizes and a random schedule of
// faults, against the real simulator over HTTP. Whatever happens, once the faults are spent: every
// record is done exactly when the county holds it (same receipt), poisoned ones are set aside, only
// the records behind a poisoned one in their own case wait, and the county never saw a case out of order.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_NAMES } from '../county-sim/faults.js';
import { startCountySim, type CountySim } from '../county-sim/server.js';
import { checkAgreement, checkCaseOrder, drivenHall, seedRecords } from './support/county.js';

let sim: CountySim;
beforeAll(async () => {
  sim = await startCountySim();
});
afterAll(() => sim.close());

const TIMEOUT_MS = 120;

/** Cycles until one sends nothing: everything left is done, set aside, or held behind a rejection. */
async function settle(hall: ReturnType<typeof drivenHall>): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const report = await hall.uploader.runCycle({ manual: true });
    if (report.batches === 0) return;
  }
  throw new Error('the upload did not settle in 400 cycles');
}

describe('county upload model', () => {
  it('keeps its guarantees over random fault schedules', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          cases: fc.integer({ min: 0, max: 6 }),
          eventsPerCase: fc.integer({ min: 0, max: 4 }),
          ratings: fc.integer({ min: 0, max: 10 }),
          daily: fc.integer({ min: 0, max: 2 }),
          batchSize: fc.integer({ min: 1, max: 12 }),
          schedule: fc.array(fc.constantFrom(...FAULT_NAMES), { maxLength: 30 }),
          poison: fc.array(fc.nat(), { maxLength: 3 }),
          seed: fc.integer({ min: 1, max: 1_000_000 }),
        }),
        async (m) => {
          sim.store.reset();
          const hall = drivenHall(sim.url, { batchSize: m.batchSize, requestTimeoutMs: TIMEOUT_MS / 2, inMemory: true });
          try {
            const seeded = seedRecords(hall.db, m, m.seed);
            const poisoned = new Set(seeded.ids.length ? m.poison.map((p) => seeded.ids[p % seeded.ids.length]!) : []);
            sim.setFaults({ schedule: m.schedule, timeoutMs: TIMEOUT_MS, rejectRecordIds: [...poisoned] });
            await settle(hall);
            // A request the simulator held (timeout fault) may still be filing: let it finish.
            if (m.schedule.includes('timeout')) await new Promise((r) => setTimeout(r, TIMEOUT_MS + 30));

            checkAgreement(hall.db, sim.store);
            checkCaseOrder(sim.store, seeded.byCase);
            const state = new Map((hall.db.prepare('SELECT record_id, state FROM outbox').all() as Array<{ record_id: string; state: string }>).map((r) => [r.record_id, r.state]));
            // Records that must wait: those after a poisoned record in the same case.
            const held = new Set<string>();
            for (const ids of seeded.byCase.values()) {
              const first = ids.findIndex((id) => poisoned.has(id));
              if (first >= 0) for (const id of ids.slice(first + 1)) held.add(id);
            }
            for (const id of seeded.ids) {
              const expected = held.has(id) ? 'pending' : poisoned.has(id) ? 'rejected' : 'done';
              expect({ id, state: state.get(id) }).toEqual({ id, state: expected });
            }
            // The county holds exactly the done records.
            expect(sim.store.counters().records).toBe([...state.values()].filter((s) => s === 'done').length);
          } finally {
            await hall.close();
          }
        },
      ),
      { numRuns: 40, interruptAfterTimeLimit: 20_000 },
    );
  });
});
