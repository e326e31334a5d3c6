// Where a worker thread's script is. Built, the worker sits beside the module that starts it. Under
// vitest that module runs from its .ts source, but Node 20 cannot start a TypeScript worker (type
// stripping came in Node 22.6) and vitest does not transform worker_threads, so the worker built by
// `npm run build:node` in dist/ is used instead; a dist older than any of the worker's sources is
// refused, so tests never run yesterday's code.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * @param moduleUrl `import.meta.url` of the module that starts the worker
 * @param worker the worker's file name without extension, in the same folder
 * @param sources the .ts files of that folder the worker runs (its own included)
 */
export function builtWorkerFile(moduleUrl: string, worker: string, sources: readonly string[]): string {
  const here = path.dirname(fileURLToPath(moduleUrl));
  if (!fileURLToPath(moduleUrl).endsWith('.ts')) return path.join(here, `${worker}.js`);
  const builtDir = path.join(ROOT, 'dist', path.relative(ROOT, here));
  const built = path.join(builtDir, `${worker}.js`);
  if (!existsSync(built)) throw new Error(`${worker} not built (${built}): run \`npm run build:node\` first`);
  for (const source of sources) {
    const out = path.join(builtDir, source.replace(/\.ts$/, '.js'));
    if (!existsSync(out) || statSync(path.join(here, source)).mtimeMs > statSync(out).mtimeMs) {
      throw new Error(`${worker} in dist/ is older than ${source}: run \`npm run build:node\` first`);
    }
  }
  return built;
}
