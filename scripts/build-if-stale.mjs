#!/usr/bin/env node
// `npm run serve` / `npm start`: build only when a source is newer than the last build (a stamp in
// dist/), so a start takes a second instead of 15–25 s. `--always` builds regardless (`npm run build`).
// The stamp takes the time the build began, so a file saved during a build triggers the next one.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNeeded, newestSourceMtime, STAMP, stampMtime } from './build-stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const always = process.argv.includes('--always');

if (!always && !buildNeeded(stampMtime(root), newestSourceMtime(root))) {
  process.exit(0);
}

const began = new Date();
for (const step of ['build:node', 'build:renderer']) {
  const result = spawnSync('npm', ['run', step, '--silent'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const stamp = path.join(root, STAMP);
mkdirSync(path.dirname(stamp), { recursive: true });
closeSync(openSync(stamp, 'a'));
utimesSync(stamp, began, began);
