// 50 terminals on the events WebSocket (displays, counters, kiosks in a hall): the time from sending
// call-next to the `ticket.called` event having reached all 50, over 200 calls.
import WebSocket from 'ws';
import { afterAll, beforeAll, it } from 'vitest';
import { must, setupHall, startBenchHost, type BenchHost, type Counter } from './support/bench-host.js';
import { ms, percentile, printTable } from './support/stats.js';

const CLIENTS = 50;
const CALLS = 200;
const BUDGET_MS = 60_000;
const EVENT_TIMEOUT_MS = 5000;

let h: BenchHost;
let kiosk: string;
let counter: Counter;
const sockets: WebSocket[] = [];
/** Per socket, who waits for which ticket's `ticket.called`. */
const waiting = new Map<WebSocket, { ticketId: number; done: () => void } | null>();

beforeAll(async () => {
  h = await startBenchHost();
  const hall = await setupHall(h, 1);
  kiosk = hall.kiosk;
  counter = hall.counters[0]!;
  for (let i = 0; i < CLIENTS; i++) {
    const token = (await must(h.call('POST', '/devices', h.admin, { name: `显示屏${i + 1}`, kind: 'display' }), 'device')).token as string;
    const ws = new WebSocket(`${h.base.replace('http', 'ws')}/api/v1/events?token=${encodeURIComponent(token)}`);
    await new Promise<void>((resolve, reject) => {
      ws.once('message', () => resolve()); // the hello
      ws.once('error', reject);
    });
    ws.on('message', (raw) => {
      const w = waiting.get(ws);
      if (!w) return;
      const event = JSON.parse(String(raw)) as { type: string; data: { ticketId: number } };
      if (event.type === 'ticket.called' && event.data.ticketId === w.ticketId) {
        waiting.set(ws, null);
        w.done();
      }
    });
    sockets.push(ws);
  }
});
afterAll(async () => {
  for (const ws of sockets) ws.close();
  await h.stop();
});

it('events fan-out: call-next → ticket.called at 50 clients', async () => {
  const fanout: number[] = [];
  const answer: number[] = [];
  const until = performance.now() + BUDGET_MS;
  for (let i = 0; i < CALLS && performance.now() < until; i++) {
    const ticket = await must(h.call('POST', '/queue/tickets', kiosk, { categoryCode: 'A' }), 'ticket');
    const arrived = Promise.all(
      sockets.map(
        (ws) =>
          new Promise<number>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`ticket.called for ${ticket.id} not seen in ${EVENT_TIMEOUT_MS} ms`)), EVENT_TIMEOUT_MS);
            waiting.set(ws, {
              ticketId: ticket.id,
              done: () => {
                clearTimeout(timer);
                resolve(performance.now());
              },
            });
          }),
      ),
    );
    const sent = performance.now();
    const called = await must(h.call('POST', `/windows/${counter.windowId}/call-next`, counter.clerk), 'call-next');
    answer.push(performance.now() - sent);
    const times = await arrived;
    fanout.push(Math.max(...times) - sent);
    await must(h.call('POST', `/queue/tickets/${called.ticket.id}/recall`, counter.clerk), 'recall'); // 过号 needs a repeated call
    await must(h.call('POST', `/queue/tickets/${called.ticket.id}/no-show`, counter.clerk), 'no-show');
  }
  printTable(`events fan-out, ${CLIENTS} WebSocket clients, ${fanout.length} calls`, ['measure', 'p50', 'p95', 'p99', 'max'], [
    ['call-next sent → ticket.called at all clients', ms(percentile(fanout, 50)), ms(percentile(fanout, 95)), ms(percentile(fanout, 99)), ms(Math.max(...fanout))],
    ['call-next HTTP answer', ms(percentile(answer, 50)), ms(percentile(answer, 95)), ms(percentile(answer, 99)), ms(Math.max(...answer))],
  ]);
  const p95 = percentile(fanout, 95);
  process.stdout.write(`fan-out p95 ÷ call-next answer p95 = ${(p95 / percentile(answer, 95)).toFixed(2)}; goal fan-out p95 ≤ 50 ms: ${p95 <= 50 ? 'met' : 'NOT met'}\n`);
});
