// Every answer of the host carries `nosniff` and a content security policy. The built pages keep
// their own (static.ts); API JSON and the printed notices (HTML made from citizens' input) get one
// that lets nothing run: a notice is a document to read and print, never a page that fetches.
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../contract/api.js';

export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** Notices are HTML with inline styles for print; no scripts, no fetches, no frames. */
export const NOTICE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    // The built pages and their assets set their own headers as they are streamed (static.ts).
    const route = request.routeOptions.url;
    if (route !== undefined && !request.is404 && !route.startsWith(API_PREFIX)) return payload;
    if (!reply.hasHeader('x-content-type-options')) reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('content-security-policy')) {
      const type = String(reply.getHeader('content-type') ?? '');
      reply.header('content-security-policy', type.startsWith('text/html') ? NOTICE_CSP : API_CSP);
    }
    if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', 'no-referrer');
    return payload;
  });
}
