// Serves the built renderer so any browser on the LAN can be a terminal (DESIGN §2).
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Pretty paths for the terminal pages. */
export const HALL_PAGES: Readonly<Record<string, string>> = {
  '/': 'index.html',
  '/kiosk': 'kiosk.html',
  '/display': 'display.html',
  '/rating': 'rating.html',
  '/setup': 'setup.html',
  '/guide': 'guide.html',
};

const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "media-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

/** `pages`: pretty paths to the built pages (a village node lands on agent.html). */
export async function installStatic(app: FastifyInstance, rendererDir: string, pages: Readonly<Record<string, string>> = HALL_PAGES): Promise<void> {
  const built = existsSync(path.join(rendererDir, pages['/'] ?? 'index.html'));
  if (!built) {
    app.get('/', (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send('界面尚未构建：请运行 npm run build / the UI is not built: run npm run build'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: rendererDir,
    index: false,
    wildcard: true,
    setHeaders: (res, filePath) => {
      if (filePath.endsWith('.html')) {
        for (const [k, v] of Object.entries(PAGE_HEADERS)) res.setHeader(k, v);
      } else {
        res.setHeader('x-content-type-options', 'nosniff');
        // Vite puts a content hash in every asset name, so assets never change under one name.
        if (filePath.includes(`${path.sep}assets${path.sep}`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      }
    },
  });
  for (const [url, file] of Object.entries(pages)) {
    app.get(url, (_req, reply) => reply.headers(PAGE_HEADERS).sendFile(file));
  }
}
