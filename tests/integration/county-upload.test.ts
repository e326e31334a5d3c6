// The county upload against the simulator (issue 5 guarantees): every fault on, a poisoned record,
// replies that must not count, a refused key, and the decisions pulled back.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCountySim, type CountySim } from '../county-sim/server.js';
import { FAULT_NAMES } from '../county-sim/faults.js';
import { checkAgreement, checkCaseOrder, drain, drivenHall, HALL_CODE, outboxStates, seedRecords, type DrivenHall } from './support/county.js';

let sim: CountySim;
let hall: DrivenHall | null = null;
beforeAll(async () => {
  sim = await startCountySim();
});
afterAll(() => sim.close());
afterEach(async () => {
  await hall?.close();
  hall = null;
  sim.store.reset();
  sim.setFaults({});
});

const EVERY_FAULT = {
  refuse5xx: 0.1,
  timeoutRate: 0.05,
  timeoutMs: 600,
  lostReplyRate: 0.1,
  malformedRate: 0.05,
  htmlRate: 0.05,
  truncatedRate: 0.05,
  partialRate: 0.15,
  unknownIdRate: 0.1,
};

describe('upload to the county simulator', () => {
  it('delivers 2,000 mixed records exactly once, in case order, with every fault on', async () => {
    hall = drivenHall(sim.url);
    const seeded = seedRecords(hall.db, { cases: 200, eventsPerCase: 4, ratings: 950, daily: 50 }, 7);
    expect(seeded.ids).toHaveLength(2000);
    sim.setFaults(EVERY_FAULT);
    const cycles = await drain(hall, 25_000);
    // Let a request the simulator was still holding (the timeout fault) finish before comparing.
    await new Promise((r) => setTimeout(r, EVERY_FAULT.timeoutMs + 100));

    expect(outboxStates(hall.db)).toEqual({ done: 2000 });
    expect(checkAgreement(hall.db, sim.store)).toEqual({ held: 2000, done: 2000 });
    checkCaseOrder(sim.store, seeded.byCase);
    const counters = sim.store.counters();
    expect(counters.records).toBe(2000);
    // The faults really happened: records filed by the county were sent again and answered duplicate.
    expect(counters.duplicates).toBeGreaterThan(0);
    // Not `cycles > 1`: the simulator's faults are drawn with Math.random, and ten batches can all
    // escape a cycle-ending fault (about 3 % of runs); the duplicates above prove the faults struck.
    expect(cycles).toBeGreaterThanOrEqual(1);
  });

  it('never counts HTML, truncated JSON, other shapes or unknown recordIds as delivered', async () => {
    hall = drivenHall(sim.url);
    seedRecords(hall.db, { cases: 5, eventsPerCase: 1, ratings: 20, daily: 0 }, 3);
    for (const fault of ['html', 'truncated', 'malformed', 'unknownId'] as const) {
      sim.setFaults({ schedule: Array(20).fill(fault) });
      const report = await hall.uploader.runCycle({ manual: true });
      expect({ fault, done: report.done }).toEqual({ fault, done: 0 });
    }
    // The county filed them all the first time; the hall still holds every one as not done.
    expect(sim.store.counters().records).toBe(25);
    expect(outboxStates(hall.db)).toEqual({ pending: 30 });
    expect(hall.uploader.summary().lastError).toMatchObject({ code: 'bad_reply' });
    sim.setFaults({});
    await drain(hall, 5_000);
    expect(checkAgreement(hall.db, sim.store)).toEqual({ held: 30, done: 30 });
    expect(sim.store.counters().duplicates).toBeGreaterThanOrEqual(25 * 4);
  });

  it('sets a poisoned record aside with the county’s reason and lets the others through', async () => {
    hall = drivenHall(sim.url);
    const seeded = seedRecords(hall.db, { cases: 20, eventsPerCase: 3, ratings: 100, daily: 5 }, 11);
    const poisonedRating = (hall.db.prepare("SELECT record_id FROM outbox WHERE kind = 'rating' ORDER BY id LIMIT 1").get() as { record_id: string }).record_id;
    const [caseNo, caseIds] = [...seeded.byCase][0]!;
    const poisonedEvent = caseIds[2]!; // seq 2 of the first case
    sim.setFaults({ rejectRecordIds: [poisonedRating, poisonedEvent] });
    await hall.uploader.runCycle({ manual: true });
    await hall.uploader.runCycle({ manual: true });

    const status = hall.uploader.status();
    expect(status.counts).toEqual({ pending: 1, sending: 0, done: seeded.ids.length - 3, rejected: 2 });
    // seq 3 of that case waits behind the rejected seq 2: per-case order is never broken.
    expect(status.heldBehindRejected).toBe(1);
    expect(status.rejected.map((r) => r.recordId).sort()).toEqual([poisonedEvent, poisonedRating].sort());
    expect(status.rejected.find((r) => r.recordId === poisonedEvent)).toMatchObject({ kind: 'case-event', caseNo, reason: expect.stringContaining('rejectRecordIds') });
    expect(sim.store.counters().orderViolations).toBe(0);

    // Fixed at the county, sent again: the held record follows.
    sim.setFaults({});
    for (const id of [poisonedRating, poisonedEvent]) hall.db.prepare("UPDATE outbox SET state = 'pending', reason = NULL WHERE record_id = ?").run(id);
    await drain(hall, 5_000);
    expect(outboxStates(hall.db)).toEqual({ done: seeded.ids.length });
    checkCaseOrder(sim.store, seeded.byCase);
  });

  it('pauses on a refused key, stays paused on the timer, and resumes when asked', async () => {
    hall = drivenHall(sim.url);
    seedRecords(hall.db, { cases: 0, eventsPerCase: 0, ratings: 10, daily: 0 }, 5);
    sim.setFaults({ unauthorized: true });
    await hall.uploader.runCycle({ manual: true });
    expect(hall.uploader.summary()).toMatchObject({ paused: true, alert: true, lastError: { code: 'unauthorized', detail: '401' }, counts: { pending: 10 } });
    sim.setFaults({});
    expect(await hall.uploader.runCycle()).toMatchObject({ skipped: 'paused' });
    expect(sim.store.counters().deliveries).toBe(0);
    await hall.uploader.runCycle({ manual: true });
    expect(hall.uploader.summary()).toMatchObject({ paused: false, alert: false, lastError: null, counts: { done: 10 } });
  });

  it('does not block on a hung county: the request gives up at its deadline', async () => {
    hall = drivenHall(sim.url, { requestTimeoutMs: 200 });
    seedRecords(hall.db, { cases: 0, eventsPerCase: 0, ratings: 3, daily: 0 }, 5);
    sim.setFaults({ timeoutRate: 1, timeoutMs: 5_000 });
    const started = Date.now();
    await hall.uploader.runCycle({ manual: true });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(hall.uploader.summary()).toMatchObject({ lastError: { code: 'timeout' }, counts: { pending: 3 } });
  });

  it('pulls decisions with a stored cursor and keeps each once, applied or not', async () => {
    let applied = 0;
    hall = drivenHall(sim.url, { applyDecision: (_db, d) => (d.caseNo === 'C2' ? (applied++, 'applied') : 'not_yet') });
    for (let i = 0; i < 150; i++) sim.store.addDecision(HALL_CODE, `C${i % 3}`, i % 2 ? 'approved' : 'denied', null);
    sim.store.addDecision('999999999', 'OTHER', 'approved', null);
    await hall.uploader.runCycle({ manual: true });
    expect(hall.uploader.summary().decisions).toEqual({ received: 150, applied: 50, pendingApply: 100 });
    await hall.uploader.runCycle({ manual: true });
    expect(hall.uploader.summary().decisions).toEqual({ received: 150, applied: 50, pendingApply: 100 });
    expect(applied).toBe(50);
    const cursor = (hall.db.prepare('SELECT decisions_cursor AS c FROM sync_state').get() as { c: string }).c;
    expect(Number(cursor)).toBe(150);
    sim.store.addDecision(HALL_CODE, 'C9', 'approved', '同意');
    await hall.uploader.runCycle({ manual: true });
    expect(hall.uploader.summary().decisions.received).toBe(151);
  });

  it('lists the fault names the model test draws from', () => {
    expect(FAULT_NAMES).toContain('lostReply');
  });
});
