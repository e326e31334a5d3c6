// Deny by default: every API route names who may call it (RouteSpec.allow); a route that names no
// one is refused. The bearer token is resolved here, once per request.
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../contract/api.js';
import type { Db } from '../../../db/connection.js';
import { resolveToken } from '../auth/sessions.js';
import type { Clock } from '../clock.js';
import { forbidden, unauthorized } from './errors.js';
import { isAllowed } from './principal.js';

export function installAuthHook(app: FastifyInstance, db: Db, clock: Clock): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith(API_PREFIX) || request.method === 'OPTIONS') return;
    // Unknown API paths fall through to the 404 handler.
    if (request.is404) return;
    const allow = request.routeOptions.config.allow;
    if (allow === undefined) throw forbidden();
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (allow === 'public') {
      // Anyone may call; a valid token still tells the route who is asking (staff may see more).
      const lookup = match ? resolveToken(db, clock, match[1]!) : null;
      if (lookup?.ok) request.principal = lookup.principal;
      return;
    }
    if (!match) throw unauthorized();
    const lookup = resolveToken(db, clock, match[1]!);
    if (!lookup.ok) {
      throw unauthorized(lookup.reason === 'expired' ? 'token_expired' : lookup.reason === 'revoked' ? 'token_revoked' : 'unauthorized');
    }
    request.principal = lookup.principal;
    if (!isAllowed(allow, lookup.principal)) throw forbidden();
  });
}
