// A fault-injecting TCP proxy for link tests (DESIGN §8, §9): it sits between a client and a server on
// 127.0.0.1 and, per connection, either passes bytes, drops the connection at once, stalls it (reads,
// never forwards, then resets), or passes it for a random number of bytes and then resets both sides —
// which lands mid-request (a reset mid-body) or mid-reply (a reply lost after the server committed).
// `cutAll()` drops every open connection at once (a link that goes away every few seconds).
import net from 'node:net';

export interface FaultRates {
  /** Connection reset as soon as it is accepted. */
  drop: number;
  /** Connection read but never forwarded; reset after stallMs. */
  stall: number;
  /** Connection passed for a random number of bytes (up to cutBytes), then reset both ways. */
  cut: number;
  /** The request passes whole; the connection is reset as the server's reply starts (lost after commit). */
  loseReply: number;
}

export interface FaultProxyOptions {
  target: { host: string; port: number };
  rates?: Partial<FaultRates>;
  stallMs?: number;
  cutBytes?: number;
  /** Deterministic faults for a run: a seed for the proxy's own random numbers. */
  seed?: number;
  /** A slow link: each direction of each connection forwards at most this many bytes a second. */
  bytesPerSecond?: number;
}

export interface FaultCounts {
  connections: number;
  dropped: number;
  stalled: number;
  cut: number;
  lostReplies: number;
  cutAll: number;
}

export interface FaultProxy {
  port: number;
  url: string;
  counts: FaultCounts;
  setRates(rates: Partial<FaultRates>): void;
  setTarget(target: { host: string; port: number }): void;
  cutAll(): void;
  close(): Promise<void>;
}

/** mulberry32: small, seedable, good enough to spread faults. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = seededRandom(options.seed ?? 1);
  let rates: FaultRates = { drop: 0, stall: 0, cut: 0, loseReply: 0, ...options.rates };
  let target = options.target;
  const stallMs = options.stallMs ?? 3_000;
  const cutBytes = options.cutBytes ?? 256 * 1024;
  const counts: FaultCounts = { connections: 0, dropped: 0, stalled: 0, cut: 0, lostReplies: 0, cutAll: 0 };
  const open = new Set<net.Socket>();

  const server = net.createServer((client) => {
    counts.connections += 1;
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => undefined);
    const roll = random();
    if (roll < rates.drop) {
      counts.dropped += 1;
      client.resetAndDestroy();
      return;
    }
    if (roll < rates.drop + rates.stall) {
      counts.stalled += 1;
      client.on('data', () => undefined);
      const timer = setTimeout(() => client.resetAndDestroy(), stallMs);
      client.on('close', () => clearTimeout(timer));
      return;
    }
    const upstream = net.connect(target.port, target.host);
    open.add(upstream);
    upstream.on('close', () => {
      open.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    let budget = roll < rates.drop + rates.stall + rates.cut ? 1 + Math.floor(random() * cutBytes) : Infinity;
    if (roll >= rates.drop + rates.stall + rates.cut && roll < rates.drop + rates.stall + rates.cut + rates.loseReply) {
      upstream.once('data', () => {
        counts.lostReplies += 1;
        client.resetAndDestroy();
        upstream.resetAndDestroy();
      });
    }
    const pass = (from: net.Socket, to: net.Socket) =>
      from.on('data', (chunk: Buffer) => {
        if (options.bytesPerSecond) {
          from.pause();
          setTimeout(() => from.resume(), (chunk.length / options.bytesPerSecond) * 1000).unref();
        }
        if (budget === Infinity) {
          to.write(chunk);
          return;
        }
        if (chunk.length < budget) {
          budget -= chunk.length;
          to.write(chunk);
          return;
        }
        to.write(chunk.subarray(0, budget));
        budget = 0;
        counts.cut += 1;
        client.resetAndDestroy();
        upstream.resetAndDestroy();
      });
    pass(client, upstream);
    pass(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    counts,
    setRates(next) {
      rates = { ...rates, ...next };
    },
    setTarget(next) {
      target = next;
    },
    cutAll() {
      counts.cutAll += 1;
      for (const socket of open) socket.resetAndDestroy();
    },
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
