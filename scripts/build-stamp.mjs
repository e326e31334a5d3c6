// When a build is needed: the newest modification time among the build's sources (files and folders,
// so a deleted file counts too) against the stamp the last successful build left in dist/.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** What the build reads: the code folders and the config files beside them. */
export const SOURCE_DIRS = ['electron', 'db', 'renderer', 'resources', 'tests/county-sim'];
export const SOURCE_FILES = ['package.json', 'package-lock.json', 'tsconfig.base.json', 'tsconfig.node.json', 'tsconfig.renderer.json'];
export const STAMP = 'dist/.build-stamp';

/** The newest mtime (ms) under `root`'s sources; 0 when none exist. Missing entries are skipped. */
export function newestSourceMtime(root) {
  let newest = 0;
  const visit = (entry) => {
    let stat;
    try {
      stat = statSync(entry);
    } catch {
      return;
    }
    newest = Math.max(newest, stat.mtimeMs);
    if (!stat.isDirectory()) return;
    for (const name of readdirSync(entry)) visit(path.join(entry, name));
  };
  for (const dir of SOURCE_DIRS) visit(path.join(root, dir));
  for (const file of SOURCE_FILES) visit(path.join(root, file));
  return newest;
}

/** The stamp's mtime (ms), or null when there was no complete build. */
export function stampMtime(root) {
  try {
    return statSync(path.join(root, STAMP)).mtimeMs;
  } catch {
    return null;
  }
}

/** A build is needed when none completed, or a source changed after the last one began. */
export function buildNeeded(stampMs, newestSourceMs) {
  return stampMs === null || newestSourceMs > stampMs;
}
