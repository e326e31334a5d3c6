// Group commit against one commit per request, on this machine's disk and on a slow one (an fsync
// that takes 8 ms, a 7200 rpm disk: support/slow-fsync.ts preloaded into the host). Four hosts, one
// after another, the same load on each: 30 counters pressing call-next at once (p50/p99), and 20
// kiosks issuing tickets back to back (tickets/s).
import { afterEach, it } from 'vitest';
import { callRounds, must, setupHall, startBenchHost, type BenchHost } from './support/bench-host.js';
import { slowDiskEnv } from './support/slow-fsync.js';
import { ms, percentile, printTable } from './support/stats.js';

const COUNTERS = 30;
const KIOSKS = 20;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const ISSUE_SECONDS = Number(process.env.BENCH_ISSUE_SECONDS ?? 5);

interface Figures {
  p50: number;
  p99: number;
  ticketsPerSecond: number;
}

let running: BenchHost | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

async function kiosksOf(h: BenchHost, first: string): Promise<string[]> {
  const list = [first];
  for (let i = 1; i < KIOSKS; i++) list.push((await must(h.call('POST', '/devices', h.admin, { name: `取号机${i + 1}`, kind: 'kiosk' }), 'kiosk')).token);
  return list;
}

/** Each kiosk issues back to back for `seconds`; returns tickets per second. */
async function issueFlat(h: BenchHost, kiosks: string[], seconds: number): Promise<number> {
  let issued = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    kiosks.map(async (k) => {
      while (performance.now() < until) {
        await must(h.call('POST', '/queue/tickets', k, { categoryCode: 'A' }), 'ticket');
        issued += 1;
      }
    }),
  );
  return issued / ((performance.now() - started) / 1000);
}

async function measure(groupCommit: boolean, slowDisk: boolean): Promise<Figures> {
  const h = await startBenchHost({ args: ['--group-commit', groupCommit ? 'on' : 'off'], env: slowDisk ? slowDiskEnv() : process.env });
  running = h;
  const { kiosk, counters } = await setupHall(h, COUNTERS);
  const kiosks = await kiosksOf(h, kiosk);
  await issueFlat(h, kiosks, 1); // warm-up
  const ticketsPerSecond = await issueFlat(h, kiosks, ISSUE_SECONDS);
  // Enough waiting tickets for every round below, whatever the rate above was.
  await Promise.all(kiosks.map(async (k) => {
    for (let i = 0; i < Math.ceil((COUNTERS * (ROUNDS + 2)) / KIOSKS); i++) await must(h.call('POST', '/queue/tickets', k, { categoryCode: 'A' }), 'ticket');
  }));
  await callRounds(h, counters.slice(0, 15), ROUNDS, Infinity, true); // warm-up of the call path
  const { latencies } = await callRounds(h, counters, ROUNDS, Infinity, true);
  await h.stop();
  running = null;
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), ticketsPerSecond };
}

it('group commit vs one commit per request, fast and slow disk', async () => {
  const runs: Array<[string, boolean, boolean]> = [
    ['slow disk (fsync 8 ms), group commit', true, true],
    ['slow disk (fsync 8 ms), one commit per request', false, true],
    ['this disk, group commit', true, false],
    ['this disk, one commit per request', false, false],
  ];
  const results: Figures[] = [];
  for (const [, group, slow] of runs) results.push(await measure(group, slow));
  printTable(
    `${COUNTERS} counters × ${ROUNDS} rounds of call-next at once; ${KIOSKS} kiosks issuing for ${ISSUE_SECONDS} s`,
    ['host', 'call-next p50', 'p99', 'tickets/s'],
    runs.map(([name], i) => [name, ms(results[i]!.p50), ms(results[i]!.p99), results[i]!.ticketsPerSecond.toFixed(0)]),
  );
  const [slowGroup, slowOne, fastGroup, fastOne] = results as [Figures, Figures, Figures, Figures];
  const line = (disk: string, g: Figures, o: Figures) =>
    `${disk}: call-next p99 group ÷ one-per-request = ${(g.p99 / o.p99).toFixed(2)}, tickets/s group ÷ one-per-request = ${(g.ticketsPerSecond / o.ticketsPerSecond).toFixed(2)}\n`;
  process.stdout.write(line('slow disk', slowGroup, slowOne) + line('this disk', fastGroup, fastOne));
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  process.stdout.write(
    `slow disk, group commit: call-next p99 ${ms(slowGroup.p99)} (goal ≤ 50 ms): ${met(slowGroup.p99 <= 50)}; ` +
      `${slowGroup.ticketsPerSecond.toFixed(0)} tickets/s from ${KIOSKS} kiosks (goal ≥ 300): ${met(slowGroup.ticketsPerSecond >= 300)}\n`,
  );
});
