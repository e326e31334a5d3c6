// Builds the renderer: one HTML entry per role, relative asset paths so the same files load from the
// hall host over HTTP and from Electron's app://hall/ protocol.
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const entry = (name: string) => fileURLToPath(new URL(`./${name}.html`, import.meta.url));

const soundsDir = fileURLToPath(new URL('../resources/sounds', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * The display's bundled voice clips (resources/sounds/**) end up as dist/renderer/sounds/**, beside
 * the pages, and `vite dev` serves them at /sounds/. Not publicDir: that would copy all of resources/.
 */
function bundledSounds(): Plugin {
  return {
    name: 'hall-bundled-sounds',
    generateBundle() {
      for (const file of filesUnder(soundsDir)) {
        const fileName = ['sounds', ...relative(soundsDir, file).split(sep)].join('/');
        this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
      }
    },
    configureServer(server) {
      server.middlewares.use('/sounds', (req, res, next) => {
        const path = join(soundsDir, decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/'));
        if (!path.startsWith(soundsDir + sep) || !/\.(wav|ogg)$/.test(path)) return next();
        try {
          statSync(path);
        } catch {
          return next();
        }
        res.setHeader('Content-Type', path.endsWith('.ogg') ? 'audio/ogg' : 'audio/wav');
        createReadStream(path).pipe(res);
      });
    },
  };
}

export default defineConfig({
  plugins: [bundledSounds()],
  root: rendererRoot,
  base: './',
  // React's automatic JSX runtime through vite's built-in oxc transform (no React plugin needed).
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  server: {
    // Locales live in resources/, outside the renderer root.
    fs: { allow: [repoRoot] },
    // `vite dev` against a local host started with `npm run serve`.
    proxy: { '/api': { target: 'http://127.0.0.1:8620', ws: true } },
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    // Only the admin-only grid chunk is this large; terminal pages never load it.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      input: {
        index: entry('index'),
        kiosk: entry('kiosk'),
        display: entry('display'),
        rating: entry('rating'),
        setup: entry('setup'),
        guide: entry('guide'),
        agent: entry('agent'),
      },
      output: {
        // The grid gets its own named chunk, reached only through the admin screens' dynamic imports.
        // React is grouped first: a group also captures its modules' dependencies, and React must
        // not end up inside the grid's chunk, where every page would have to load it.
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 20 },
            { name: 'ag-grid', test: /[\\/]node_modules[\\/]ag-(grid-community|grid-react|stack|charts-types)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
