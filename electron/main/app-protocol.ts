// Serves the built renderer as app://hall/… so pages get a real, stable origin (storage, fetch,
// CSP) without file:// and its extra privileges.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME, contentSecurityPolicy } from './security.js';

/** Must run before `ready`: Chromium fixes a scheme's privileges when it starts. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request URL to a file under rootDir, or null when the URL must not be served: another
 * host, user info or a port, `..` in any spelling (`%2e%2e`, `%2f`, backslashes), empty or
 * drive-letter segments that would make the path absolute, NUL bytes or bad percent escapes.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  // `new URL` quietly resolves `..`, so a traversal attempt would pass as a harmless path; it is
  // refused as written instead, so no request outside the page folder is ever answered.
  if (hasDotSegment(requestUrl)) return null;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (url.username !== '' || url.password !== '') return null;

  const rawPath = url.pathname === '' ? '/' : url.pathname;
  if (!rawPath.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath.slice(1));
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded === '' || decoded.endsWith('/')) decoded += 'index.html';

  const segments = decoded.split('/');
  const unsafe = segments.some((s) => s === '' || s === '.' || s === '..' || s.includes(':'));
  if (unsafe || path.isAbsolute(decoded)) return null;

  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, ...segments);
  const relative = path.relative(root, resolved);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return resolved;
}

function hasDotSegment(requestUrl: string): boolean {
  const afterAuthority = requestUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/\\?#]*/i, '');
  const rawPath = afterAuthority.split(/[?#]/, 1)[0] ?? '';
  return rawPath.split(/[/\\]/).some((segment) => {
    const lower = segment.toLowerCase().replaceAll('%2e', '.');
    return lower === '.' || lower === '..';
  });
}

function textResponse(status: number, body: string, csp: string): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/**
 * Answers app:// requests from the renderer folder. `hostUrls` is asked per response because a
 * terminal may be pointed at another host at run time and its CSP must follow.
 */
export function handleAppProtocol(rendererDir: string, hostUrls: () => readonly string[]): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const csp = contentSecurityPolicy(hostUrls());
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method Not Allowed', csp);
    const filePath = resolveAppPath(rendererDir, request.url);
    if (filePath === null) return textResponse(404, 'Not Found', csp);
    let body: Buffer;
    try {
      body = await readFile(filePath);
    } catch {
      return textResponse(404, 'Not Found', csp);
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': mimeTypeFor(filePath),
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        // Renderer bundles are rebuilt in place during development; never serve a stale one.
        'Cache-Control': 'no-cache',
      },
    });
  });
}
