// Deny by default: every API route names who may call it (RouteSpec.allow); a route that names no
// one is refused. The decision is taken from the route the router matched, never from the raw URL:
// `/%61pi/v1/users`, `//api/v1/users` and `/API/v1/users` either match the same route (and get its
// rule) or match nothing (and get 404). The bearer token is resolved here, once per request.
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../contract/api.js';
import type { Db } from '../../../db/connection.js';
import { resolveToken } from '../auth/sessions.js';
import type { Clock } from '../clock.js';
import { forbidden, HallError, unauthorized } from './errors.js';
import { isAllowed, type Allow } from './principal.js';

/** The rule of the matched route (its declared pattern, not the URL that reached it). Routes outside
 *  the API — the built pages and the static file wildcard — are public; an API route without a rule
 *  is refused. */
export function ruleOf(routeUrl: string | undefined, allow: Allow | undefined): Allow | 'deny' {
  if (allow !== undefined) return allow;
  return routeUrl !== undefined && !routeUrl.startsWith(API_PREFIX) ? 'public' : 'deny';
}

/** Routes only village nodes may call (the /village/* routes of DESIGN §9). */
const isVillageRule = (rule: Allow): boolean => Array.isArray(rule) && rule.length > 0 && rule.every((c) => c === 'device:village');

export function installAuthHook(app: FastifyInstance, db: Db, clock: Clock): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    // Nothing matched: the not-found handler answers, and it serves nothing.
    if (request.is404) return;
    const rule = ruleOf(request.routeOptions.url, request.routeOptions.config.allow);
    if (rule === 'deny') throw forbidden();
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (rule === 'public') {
      // Anyone may call; a valid token still tells the route who is asking (staff may see more).
      const lookup = match ? resolveToken(db, clock, match[1]!) : null;
      if (lookup?.ok) request.principal = lookup.principal;
      return;
    }
    if (!match) throw unauthorized();
    const lookup = resolveToken(db, clock, match[1]!);
    if (!lookup.ok) {
      // A village node tells a revoked pairing from a passing fault by this code (DESIGN §9).
      if (lookup.reason === 'revoked' && isVillageRule(rule)) throw new HallError('revoked', 'token_revoked', {}, { reason: 'token_revoked' });
      throw unauthorized(lookup.reason === 'expired' ? 'token_expired' : lookup.reason === 'revoked' ? 'token_revoked' : 'unauthorized');
    }
    request.principal = lookup.principal;
    if (!isAllowed(rule, lookup.principal)) throw forbidden();
  });
}
