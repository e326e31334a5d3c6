// GET /api/v1/events: the authenticated WebSocket. The token comes as ?token= because browsers
// cannot set headers on a WebSocket; it is never logged (see logger.ts). The socket lives only as
// long as its credential (credential-watch.ts) and only for pages of this host or the desktop app.
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { API_PREFIX, type HallEvent } from '../../contract/api.js';
import { CLOSE_CREDENTIAL_ENDED, type CredentialEndReason } from '../../contract/events.js';
import type { Db } from '../../../db/connection.js';
import type { Clock } from '../clock.js';
import { resolveToken } from '../auth/sessions.js';
import { hashToken } from '../auth/tokens.js';
import { HallError, validationError } from '../http/errors.js';
import { watchCredentials, type CredentialWatch } from './credential-watch.js';
import type { EventHub } from './hub.js';
import { socketOriginAllowed } from './origin.js';

const REFUSAL: Record<'unknown' | 'expired' | 'revoked', CredentialEndReason> = {
  unknown: 'unauthorized',
  expired: 'token_expired',
  revoked: 'token_revoked',
};

export function registerEventRoutes(app: FastifyInstance, db: Db, clock: Clock, hub: EventHub): CredentialWatch {
  const watch = watchCredentials(db, clock, hub, (err) => app.log.warn({ err }, 'events credential sweep failed'));
  app.addHook('onClose', async () => watch.stop());

  app.route({
    method: 'GET',
    url: API_PREFIX + '/events',
    config: { allow: 'public' },
    // A plain GET (no upgrade) is a client's mistake: say so in the error shape.
    handler: async () => {
      throw validationError([{ field: '_url', code: 'websocket_required' }]);
    },
    // Before the upgrade: a foreign page gets a plain 403 and never a socket.
    onRequest: async (request) => {
      if (!socketOriginAllowed(request.headers.origin, request.headers.host)) throw new HallError('forbidden', 'origin_refused');
    },
    wsHandler: (socket: WebSocket, request) => {
      const { token, after, boot } = request.query as { token?: string; after?: string; boot?: string };
      const lookup = token ? resolveToken(db, clock, token) : null;
      if (!token || !lookup?.ok) {
        socket.close(CLOSE_CREDENTIAL_ENDED, REFUSAL[lookup && !lookup.ok ? lookup.reason : 'unknown']);
        return;
      }
      let ended = false;
      const send = (event: HallEvent) => {
        if (!ended && socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
      };
      const afterSeq = boot === hub.bootId && after !== undefined && /^\d+$/.test(after) ? Number(after) : null;
      const { missed, unsubscribe } = hub.subscribe(
        {
          principal: lookup.principal,
          send,
          credential: {
            principal: lookup.principal,
            tokenHash: hashToken(token),
            expiresAtMs: Date.parse(lookup.expiresAt),
            end: (reason) => {
              ended = true;
              socket.close(CLOSE_CREDENTIAL_ENDED, reason);
            },
          },
        },
        afterSeq,
      );
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
    },
  });
  return watch;
}
