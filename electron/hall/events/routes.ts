// GET /api/v1/events: the authenticated WebSocket. The token comes as ?token= because browsers
// cannot set headers on a WebSocket; it is never logged (see logger.ts).
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { API_PREFIX, type HallEvent } from '../../contract/api.js';
import type { Db } from '../../../db/connection.js';
import type { Clock } from '../clock.js';
import { resolveToken } from '../auth/sessions.js';
import type { EventHub } from './hub.js';

const CLOSE_UNAUTHORIZED = 4401;

export function registerEventRoutes(app: FastifyInstance, db: Db, clock: Clock, hub: EventHub): void {
  app.get(API_PREFIX + '/events', { websocket: true, config: { allow: 'public' } }, (socket: WebSocket, request) => {
    const { token, after, boot } = request.query as { token?: string; after?: string; boot?: string };
    const lookup = token ? resolveToken(db, clock, token) : null;
    if (!lookup?.ok) {
      socket.close(CLOSE_UNAUTHORIZED, lookup ? lookup.reason : 'unauthorized');
      return;
    }
    const send = (event: HallEvent) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
    };
    const afterSeq = boot === hub.bootId && after !== undefined && /^\d+$/.test(after) ? Number(after) : null;
    const { missed, unsubscribe } = hub.subscribe({ principal: lookup.principal, send }, afterSeq);
    send({
      seq: hub.lastSeq,
      type: 'hello',
      at: clock.now().toISOString(),
      // resync: the terminal must reload its state (first connect, host restarted, or gap too old).
      data: { bootId: hub.bootId, resync: afterSeq === null || missed === null },
    });
    for (const event of missed ?? []) send(event);
    // Keep NAT and idle proxies from closing a quiet display's connection.
    const ping = setInterval(() => socket.ping(), 25_000);
    socket.on('close', () => {
      clearInterval(ping);
      unsubscribe();
    });
    socket.on('message', () => {
      // Terminals only listen; anything they send is ignored.
    });
  });
}
