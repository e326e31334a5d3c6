// Issue 10: a report whose HTTP client went away stops (a queued one is dropped, a running one's
// thread ended), so a supervisor clicking ten times leaves nothing running; and the dashboard has a
// slot of its own, so it never waits behind a long report. The slow report is the workers' real
// `load-test` query (seconds of one core), asked for over HTTP through the same `inPool` every report
// route uses, on a second small server the test starts beside the hall (no route exposes it).
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inPool } from '../../electron/hall/dashboard/dashboard-routes.js';
import { startHall, type TestHall } from './support/hall.js';

let h: TestHall;
let lead: string;
let slowApp: FastifyInstance;
let slowBase: string;

beforeAll(async () => {
  h = await startHall({ reportThreads: 1 }); // as on a two-core hall PC
  lead = await h.userToken('supervisor', 'lead1');
  slowApp = Fastify();
  slowApp.get<{ Querystring: { n: string } }>('/slow', (request) => inPool(h.readPool, 'load-test', { n: Number(request.query.n) }, request));
  await slowApp.listen({ host: '127.0.0.1', port: 0 });
  const address = slowApp.server.address();
  slowBase = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await slowApp?.close();
  await h?.close();
});

/** About a second of one core (more beside other work): far longer than anything the test does while it runs. */
const LONG = 6_000_000;

type Load = TestHall['readPool']['load'];

/** Polls the pool until `done` holds (the test's only waiting; each step is an event of the pool). */
async function until(done: (load: Load) => boolean, what: string, meanwhile: (load: Load) => boolean = () => true): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!done(h.readPool.load)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(h.readPool.load)}`);
    if (!meanwhile(h.readPool.load)) throw new Error(`while waiting for ${what}: ${JSON.stringify(h.readPool.load)}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function slow(n: number, signal?: AbortSignal): Promise<unknown> {
  return fetch(`${slowBase}/slow?n=${n}`, { signal }).then((r) => r.json());
}

describe('abandoned reports stop', () => {
  it('a running report whose client goes away ends its thread, and the pool then runs the next one', async () => {
    const client = new AbortController();
    const answer = slow(LONG, client.signal).catch((e: Error) => e.name);
    await until((l) => l.running === 1, 'the report to start');
    client.abort();
    expect(await answer).toBe('AbortError');
    // The job is given up at once; its slot takes nothing until the thread has ended.
    await until((l) => l.running === 0 && l.retiring === 1, 'the report to be stopped');
    await until((l) => l.retiring === 0, 'the thread to end', (l) => l.running === 0);
    expect(await slow(1000)).toEqual({ n: 1000 });
  });

  it('ten clicks, then the supervisor leaves: the nine queued are dropped, the running one stopped', async () => {
    const clients = Array.from({ length: 10 }, () => new AbortController());
    const answers = clients.map((c) => slow(LONG, c.signal).catch((e: Error) => e.name));
    await until((l) => l.running === 1 && l.queued === 9, 'ten reports asked for');
    for (const c of clients) c.abort();
    expect(await Promise.all(answers)).toEqual(Array(10).fill('AbortError'));
    await until((l) => l.running === 0 && l.queued === 0, 'every report given up');
    // No queued report starts while the stopped one's thread ends: nothing runs until it has.
    await until((l) => l.retiring === 0, 'the thread to end', (l) => l.running === 0 && l.queued === 0 && l.retiring <= 1);
    expect(await slow(10)).toEqual({ n: 10 });
  });

  it('a report whose client stays is answered as before', async () => {
    expect(await slow(100_000)).toEqual({ n: 100_000 });
    expect(h.readPool.load).toEqual({ running: 0, queued: 0, retiring: 0 });
  });
});

describe('the dashboard has a slot of its own', () => {
  it('answers while a long report holds the general slot', async () => {
    let longDone = false;
    const long = slow(LONG).then((a) => ((longDone = true), a));
    await until((l) => l.running === 1, 'the long report to start');
    const dashboard = await h.api('GET', '/dashboard', { token: lead });
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.queue).toBeDefined();
    expect(longDone).toBe(false);
    expect(await long).toEqual({ n: LONG });
  });
});
