// `npm run serve` builds only when a source is newer than the last build's stamp (scripts/build-stamp.mjs).
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildNeeded, newestSourceMtime, STAMP, stampMtime } from '../../scripts/build-stamp.mjs';

const T0 = new Date('2026-03-02T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe('buildNeeded', () => {
  it('builds when no build completed, or a source changed after it began', () => {
    expect(buildNeeded(null, 0)).toBe(true);
    expect(buildNeeded(1000, 1001)).toBe(true);
    expect(buildNeeded(1000, 1000)).toBe(false);
    expect(buildNeeded(1000, 999)).toBe(false);
  });
});

describe('a checkout on disk', () => {
  let root: string;
  const touch = (rel: string, when: Date) => {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'x');
    utimesSync(file, when, when);
  };
  const settle = (rel: string, when: Date) => utimesSync(path.join(root, rel), when, when);
  const needed = () => buildNeeded(stampMtime(root), newestSourceMtime(root));

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'build-stamp-'));
    touch('electron/hall/server.ts', at(0));
    touch('renderer/staff/main.tsx', at(0));
    touch('resources/locales/en.json', at(0));
    touch('package.json', at(0));
    for (const dir of ['electron/hall', 'electron', 'renderer/staff', 'renderer', 'resources/locales', 'resources']) settle(dir, at(0));
    touch(STAMP, at(10));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('starts at once when nothing changed since the build', () => {
    expect(needed()).toBe(false);
  });

  it('builds when there is no stamp (first start, or a build that failed)', () => {
    unlinkSync(path.join(root, STAMP));
    expect(needed()).toBe(true);
  });

  it('builds when a deep source, a locale or a config file is newer', () => {
    touch('renderer/staff/main.tsx', at(11));
    expect(needed()).toBe(true);
    settle('renderer/staff/main.tsx', at(0));
    settle('renderer/staff', at(0));
    expect(needed()).toBe(false);
    touch('resources/locales/en.json', at(12));
    expect(needed()).toBe(true);
    settle('resources/locales/en.json', at(0));
    touch('package.json', at(12));
    expect(needed()).toBe(true);
  });

  it('builds when a source file was deleted (its folder changed)', () => {
    unlinkSync(path.join(root, 'electron/hall/server.ts'));
    // Deleting just now bumps the folder's mtime past the stamp of "10 minutes after T0".
    expect(needed()).toBe(true);
  });

  it('ignores what the build writes and what is not a source', () => {
    touch('dist/electron/hall/cli.js', at(20));
    touch('test-results/x.json', at(20));
    touch('node_modules/a/index.js', at(20));
    expect(needed()).toBe(false);
  });
});
