import { describe, expect, it } from 'vitest';
import { HallError } from '../../electron/hall/http/errors.js';
import { checkGate, hashPassword, staffGate, verifyPassword, WorkGate } from '../../electron/hall/auth/passwords.js';

/** A task that finishes when the test says so. */
function held(): { task: () => Promise<void>; started: () => boolean; finish: () => void } {
  let started = false;
  let finish = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    task: () => {
      started = true;
      return done;
    },
    started: () => started,
    finish: () => finish(),
  };
}

describe('WorkGate', () => {
  it('runs at most `concurrency` at once, queues up to `maxQueued`, refuses the rest at once with 503', async () => {
    const gate = new WorkGate(2, 3);
    const tasks = Array.from({ length: 6 }, held);
    const runs = tasks.map((t) => gate.run(t.task).then(() => 'done', (err: unknown) => err));
    await Promise.resolve();
    expect(tasks.map((t) => t.started())).toEqual([true, true, false, false, false, false]);
    expect(gate.load).toEqual({ running: 2, queued: 3, queuedKnown: 0 });
    const refused = await runs[5];
    expect(refused).toBeInstanceOf(HallError);
    expect((refused as HallError).status).toBe(503);
    expect((refused as HallError).messageKey).toBe('password_checks_busy');
    // First in, first out, and never more than two at once.
    tasks[0]!.finish();
    await runs[0];
    await new Promise((r) => setImmediate(r));
    expect(tasks.map((t) => t.started())).toEqual([true, true, true, false, false, false]);
    expect(gate.load).toEqual({ running: 2, queued: 2, queuedKnown: 0 });
    for (const t of tasks) t.finish();
    expect(await Promise.all(runs.slice(0, 5))).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(gate.load).toEqual({ running: 0, queued: 0, queuedKnown: 0 });
  });

  it('serves the known lane first, and a full public lane does not refuse it', async () => {
    const gate = new WorkGate(1, 2);
    const order: string[] = [];
    const first = held();
    const running = gate.run(first.task);
    const publics = ['p1', 'p2'].map((name) => gate.run(async () => void order.push(name)));
    await expect(gate.run(async () => undefined)).rejects.toMatchObject({ status: 503 });
    const known = gate.run(async () => void order.push('k1'), 'known');
    expect(gate.load).toEqual({ running: 1, queued: 2, queuedKnown: 1 });
    first.finish();
    await Promise.all([running, known, ...publics]);
    expect(order).toEqual(['k1', 'p1', 'p2']);
  });

  it('frees the slot when a task fails', async () => {
    const gate = new WorkGate(1, 0);
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run(() => Promise.resolve(7))).toBe(7);
  });

  it('hashes on the staff gate, so a full check gate does not hold intake up', async () => {
    const blockers = Array.from({ length: checkGate.concurrency + checkGate.maxQueued }, held);
    const blocked = blockers.map((b) => checkGate.run(b.task));
    await expect(verifyPassword('x', (await hashPassword('x')))).rejects.toMatchObject({ status: 503 });
    const hash = await hashPassword('正确的密码');
    expect(await verifyPassword('正确的密码', hash, staffGate)).toBe(true);
    for (const b of blockers) b.finish();
    await Promise.all(blocked);
    expect(await verifyPassword('正确的密码', hash)).toBe(true);
  });
});
