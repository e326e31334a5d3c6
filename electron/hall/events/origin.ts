// Which pages may open the events socket. A browser always sends Origin on a WebSocket upgrade and
// does not apply CORS to it, so the host must judge it itself: a page from another site that got
// hold of a token must not listen in. No Origin at all is a non-browser client; the token decides.
import { isTrustedAppOrigin } from '../http/cors.js';

/** Allowed: no Origin, the desktop app's origin, or the host's own (same host:port as the request's Host). */
export function socketOriginAllowed(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  if (isTrustedAppOrigin(origin)) return true;
  if (!host) return false;
  let page: URL;
  let self: URL;
  try {
    page = new URL(origin);
    if (page.protocol !== 'http:' && page.protocol !== 'https:') return false;
    // An Origin header is a bare serialized origin; anything else (a path, user info, 'null') is refused.
    if (page.origin !== origin) return false;
    self = new URL(`${page.protocol}//${host}`);
  } catch {
    return false;
  }
  return self.host === page.host && self.username === '' && self.pathname === '/';
}
