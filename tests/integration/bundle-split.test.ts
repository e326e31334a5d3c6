// The terminal pages must stay small: nothing they load statically may contain ag-grid or echarts,
// and the staff page may reach ag-grid only through a dynamic import (the lazy admin screens).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(repo, 'dist/renderer');
const manifestPath = join(outDir, '.vite/manifest.json');

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** What gives a heavy library away: in a chunk's name or source path, or in its code. */
const HEAVY = {
  'ag-grid': { path: /ag-grid|ag-stack/, code: /ag-root-wrapper|AG Grid/, css: /\.ag-root-wrapper/ },
  // Not a bare /echarts/i in code: ag-grid's `enableCharts` option reads as one. Every ECharts build keys its
  // instances on the DOM with `_echarts_instance_`.
  echarts: { path: /echarts|zrender/, code: /echarts_instance_|zrender/, css: /echarts/ },
} as const;
type Heavy = keyof typeof HEAVY;

let manifest: Manifest;

beforeAll(() => {
  if (!existsSync(manifestPath)) {
    execFileSync('npm', ['run', 'build:renderer', '--silent'], { cwd: repo, stdio: 'inherit' });
  }
  manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
}, 180_000);

/** Manifest keys reachable from `entry`, following static imports only, or static and dynamic ones. */
function reachable(entry: string, withDynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const key = queue.pop() as string;
    if (seen.has(key)) continue;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no chunk ${key}`);
    seen.add(key);
    queue.push(...(chunk.imports ?? []));
    if (withDynamic) queue.push(...(chunk.dynamicImports ?? []));
  }
  return seen;
}

function contains(key: string, heavy: Heavy): boolean {
  const chunk = manifest[key] as ManifestChunk;
  const marks = HEAVY[heavy];
  if (marks.path.test(chunk.name ?? '') || marks.path.test(chunk.src ?? '')) return true;
  if (chunk.file.endsWith('.js') && marks.code.test(readFileSync(join(outDir, chunk.file), 'utf8'))) return true;
  return (chunk.css ?? []).some((css) => marks.css.test(readFileSync(join(outDir, css), 'utf8')));
}

function heavyChunks(keys: Set<string>, heavy: Heavy): string[] {
  return [...keys].filter((key) => contains(key, heavy));
}

describe('renderer bundle split', () => {
  it('has one entry per page', () => {
    for (const page of ['index.html', 'kiosk.html', 'display.html', 'rating.html', 'setup.html', 'guide.html']) {
      expect(manifest[page]?.isEntry, page).toBe(true);
    }
  });

  it.each(['kiosk.html', 'display.html', 'rating.html', 'guide.html'])('%s loads no ag-grid and no echarts', (page) => {
    const keys = reachable(page, false);
    expect(heavyChunks(keys, 'ag-grid')).toEqual([]);
    expect(heavyChunks(keys, 'echarts')).toEqual([]);
    // Terminal pages have no lazy screens either, so nothing heavy is even one dynamic import away.
    expect(heavyChunks(reachable(page, true), 'ag-grid')).toEqual([]);
  });

  it('reaches ag-grid from index.html only through a dynamic import', () => {
    expect(heavyChunks(reachable('index.html', false), 'ag-grid')).toEqual([]);
    // The detector must find the grid where it is, or the checks above prove nothing.
    expect(heavyChunks(reachable('index.html', true), 'ag-grid').length).toBeGreaterThan(0);
  });

  it('reaches echarts from index.html only through the dashboard screens, never statically', () => {
    expect(heavyChunks(reachable('index.html', false), 'echarts')).toEqual([]);
    const withEcharts = heavyChunks(reachable('index.html', true), 'echarts');
    expect(withEcharts.length).toBeGreaterThan(0);
    // Only the dashboard's lazy chunks lead to it: no other screen of the staff app loads charts.
    const dashboardScreens = Object.keys(manifest).filter((key) => /staff\/dashboard\/(dashboard|wall)-screen\.tsx$/.test(key));
    expect(dashboardScreens.length).toBe(2);
    const viaDashboard = new Set(dashboardScreens.flatMap((key) => [...reachable(key, false)]));
    expect(withEcharts.filter((key) => !viaDashboard.has(key))).toEqual([]);
  });
});
