// Desktop windows load the UI from app://hall and call the host over HTTP, which is cross-origin.
// Only that origin is let in; browsers on the LAN load the UI from the host itself (same origin).
import type { FastifyInstance } from 'fastify';

export const DESKTOP_ORIGIN = 'app://hall';

/** The one place that says which foreign origin the host trusts (CORS here, WebSocket upgrades in
 *  events/origin.ts). */
export function isTrustedAppOrigin(origin: string | undefined): boolean {
  return origin === DESKTOP_ORIGIN;
}

export function installCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!isTrustedAppOrigin(request.headers.origin)) return;
    reply.header('access-control-allow-origin', DESKTOP_ORIGIN);
    reply.header('vary', 'Origin');
    if (request.method === 'OPTIONS') {
      reply.header('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE');
      reply.header('access-control-allow-headers', 'authorization, content-type, accept-language, x-query-password');
      reply.header('access-control-max-age', '600');
      return reply.code(204).send();
    }
  });
}
