// Where the shipped resources and the built renderer are, both headless and inside the packaged app.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
// From dist/electron/hall (compiled) or electron/hall (tests run the sources) up to the project root.
const projectRoot = here.includes(`${path.sep}dist${path.sep}`)
  ? path.resolve(here, '..', '..', '..')
  : path.resolve(here, '..', '..');

export function resourcesDir(): string {
  return process.env.HALL_RESOURCES_DIR ?? path.join(projectRoot, 'resources');
}

export function rendererDir(): string {
  return process.env.HALL_RENDERER_DIR ?? path.join(projectRoot, 'dist', 'renderer');
}

export function packageJsonPath(): string {
  return path.join(projectRoot, 'package.json');
}
