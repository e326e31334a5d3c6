// Who may call the node (DESIGN §9): the node serves its own agent on this machine. Bound to
// 127.0.0.1 (the default) only this machine can connect, and every caller is the agent. Bound to
// another address (a station whose agent uses a tablet on the station's Wi-Fi), a caller that is not
// on this machine must present the node's access key — 32 random bytes kept 0600 in the data
// folder, shown once on the console as a link (`/#key=…`) — as a bearer token. The decision is taken
// from the matched route (its rule) and the connection's address, never from the raw URL.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../contract/api.js';
import { forbidden, unauthorized } from '../hall/http/errors.js';
import { isLoopback } from './config.js';

export const ACCESS_KEY_FILE = 'village-access.key';

/** The node's access key, made on first use; `created` when this call wrote it. */
export function accessKey(dataDir: string): { key: string; created: boolean } {
  const file = path.join(dataDir, ACCESS_KEY_FILE);
  try {
    return { key: readFileSync(file, 'utf8').trim(), created: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return { key, created: true };
}

function sameKey(given: string, key: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `key` null: loopback only (the server is bound to a loopback address). */
export function installLocalAccess(app: FastifyInstance, key: string | null): void {
  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const route = request.routeOptions.url;
    // The built pages and their assets hold nothing of the agent's; the API does.
    if (route === undefined || !route.startsWith(API_PREFIX)) return;
    if (request.routeOptions.config.allow === undefined) throw forbidden();
    if (isLoopback(request.ip)) return;
    if (key === null) throw forbidden();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match || !sameKey(match[1]!, key)) throw unauthorized();
  });
}
