// Requests to a test hall from another loopback address (127.0.0.0/8 is all local on Linux), so a
// test can be "another PC" to the host's per-address limits.
import http from 'node:http';
import type { ApiResult } from './hall.js';

export interface AddressClient {
  address: string;
  api<T = any>(method: string, url: string, options?: { token?: string; body?: unknown }): Promise<ApiResult<T>>;
  close(): void;
}

export function fromAddress(base: string, address: string, maxSockets = 64): AddressClient {
  const agent = new http.Agent({ keepAlive: true, localAddress: address, maxSockets });
  const url = new URL(base);
  const api: AddressClient['api'] = (method, path, options = {}) =>
    new Promise((resolve, reject) => {
      const body = options.body === undefined ? undefined : JSON.stringify(options.body);
      const headers: Record<string, string | number> = { 'accept-language': 'zh-CN' };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (body !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(body);
      }
      const req = http.request({ host: url.hostname, port: url.port, method, path: `/api/v1${path}`, headers, agent }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const responseHeaders = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') responseHeaders.set(k, v);
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null, headers: responseHeaders });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  return { address, api, close: () => agent.destroy() };
}

/** Runs `count` calls with at most `parallel` in flight; their results in order. */
export async function inParallel<T>(count: number, parallel: number, call: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, count) }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await call(i);
      }
    }),
  );
  return results;
}
