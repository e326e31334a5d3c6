// The packaging check that runs without Electron's binary: electron-builder.yml validated by
// electron-builder's own schema, and its files / asarUnpack / extraResources patterns resolved
// against the app's tree (what tsc and Vite emit from the sources, plus node_modules and
// resources): the hall entry, its workers, the renderer, resources and the SQLite addon are in;
// tests, sources and renderer-only libraries are out; everything the hall service loads is unpacked.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ app: {} }));
import { unpackedPath } from '../../electron/main/app-paths.js';
import { sqliteBindingPath } from '../../electron/main/native-binding.js';

const require = createRequire(import.meta.url);
const { load } = require('js-yaml') as { load(text: string): unknown };
const { minimatch } = require('minimatch') as { minimatch(file: string, pattern: string, options: { dot: boolean }): boolean };
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface FileSet {
  from: string;
  to: string;
  filter: string[];
}
interface BuilderConfig {
  files: string[];
  asarUnpack: string[];
  extraResources: FileSet[];
  npmRebuild: boolean;
  directories: { buildResources: string };
  nsis: { perMachine: boolean; include: string; installerLanguages: string[] };
  deb: { depends: string[] };
  [key: string]: unknown;
}
const config = load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

/**
 * electron-builder's rule: patterns in order, the last one that matches decides, `!` excludes.
 * Production node_modules are added by electron-builder itself, so they are in unless excluded.
 */
function matches(file: string, patterns: readonly string[], includedByDefault = false): boolean {
  let included = includedByDefault;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    if (minimatch(file, negated ? pattern.slice(1) : pattern, { dot: true })) included = !negated;
  }
  return included;
}

function walk(dir: string, base = dir, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, base, out);
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

/** What `npm run build` puts in dist/: each source module compiled beside the others, and the pages. */
function builtTree(): string[] {
  const emitted = ['electron', 'db', 'tests/county-sim'].flatMap((folder) =>
    walk(path.join(root, folder), root)
      .filter((file) => /\.c?ts$/.test(file) && !file.endsWith('.d.ts'))
      .flatMap((file) => {
        const js = `dist/${file.replace(/\.ts$/, '.js').replace(/\.cts$/, '.cjs')}`;
        return [js, `${js}.map`];
      }),
  );
  return [...emitted, 'dist/renderer/index.html', 'dist/renderer/kiosk.html', 'dist/renderer/assets/index-abc123.js', 'dist/renderer/assets/index-abc123.js.map'];
}

let tree: string[] = [];
beforeAll(() => {
  const modules = ['fastify/package.json', 'exceljs/package.json', 'react/index.js', 'echarts/index.js', 'ag-grid-community/package.json', '@babel/runtime/package.json'].map(
    (file) => `node_modules/${file}`,
  );
  const sqlite = ['lib/index.js', 'package.json', 'build/Release/better_sqlite3.node', 'src/better_sqlite3.cpp', 'deps/sqlite3/sqlite3.c', 'binding.gyp'].map(
    (file) => `node_modules/better-sqlite3-multiple-ciphers/${file}`,
  );
  tree = [...builtTree(), 'package.json', ...modules, ...sqlite, 'electron/main/index.ts', 'tests/unit/packaging.test.ts', 'README.md', 'native/electron-linux-x64/better_sqlite3.node'];
});

const inApp = (file: string): boolean => matches(file, config.files, file.startsWith('node_modules/'));
const unpacked = (file: string): boolean => inApp(file) && matches(file, config.asarUnpack);

describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration schema", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...structuredClone(config), nsis: { perMachine: 'yes' } }, new DebugLogger(false))).rejects.toThrow(/perMachine/);
  }, 60_000);

  it('never rebuilds node_modules in place (that would break npm test and npm run serve)', () => {
    expect(config.npmRebuild).toBe(false);
  });
});

describe('what goes into the app', () => {
  it('the shell, the preload, the hall entry, both workers, the pages and package.json', () => {
    for (const file of [
      'dist/electron/main/index.js',
      'dist/electron/main/preload.cjs',
      'dist/electron/hall/cli.js',
      'dist/electron/hall/reports/report-worker.js',
      'dist/electron/hall/catalog/xlsx-worker.js',
      'dist/db/connection.js',
      'dist/renderer/index.html',
      'dist/renderer/assets/index-abc123.js',
      'package.json',
      'node_modules/fastify/package.json',
      'node_modules/exceljs/package.json',
      'node_modules/better-sqlite3-multiple-ciphers/lib/index.js',
    ]) {
      expect(tree, file).toContain(file);
      expect(inApp(file), file).toBe(true);
    }
  });

  it('no sources, tests, source maps, the county simulator, or the Node build of the SQLite addon', () => {
    for (const file of [
      'electron/main/index.ts',
      'tests/unit/packaging.test.ts',
      'README.md',
      'dist/electron/main/index.js.map',
      'dist/renderer/assets/index-abc123.js.map',
      'dist/tests/county-sim/cli.js',
      'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
      'node_modules/better-sqlite3-multiple-ciphers/src/better_sqlite3.cpp',
      'node_modules/better-sqlite3-multiple-ciphers/deps/sqlite3/sqlite3.c',
      'native/electron-linux-x64/better_sqlite3.node',
    ]) {
      expect(inApp(file), file).toBe(false);
    }
  });

  it('only runtime dependencies: every shipped one is imported by the shell or the hall, renderer libraries stay out', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const sources = ['electron/main', 'electron/hall', 'electron/link', 'electron/contract', 'db']
      .filter((folder) => existsSync(path.join(root, folder)))
      .flatMap((folder) => walk(path.join(root, folder), root))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(path.join(root, file), 'utf8'))
      .join('\n');
    for (const name of Object.keys(pkg.dependencies)) {
      const imported = new RegExp(`from '${name.replace(/[/.]/g, '\\$&')}(/[^']*)?'`).test(sources);
      expect(inApp(`node_modules/${name}/package.json`), `${name} (${imported ? 'used by the hall or the shell' : 'renderer only'})`).toBe(imported);
    }
  });
});

describe('what is unpacked from the archive', () => {
  /** The hall's module graph from its entry: every relative import, followed through the sources. */
  function hallModules(): string[] {
    const seen = new Set<string>();
    const queue = ['electron/hall/cli.ts', 'electron/hall/reports/report-worker.ts', 'electron/hall/catalog/xlsx-worker.ts'];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const text = readFileSync(path.join(root, file), 'utf8');
      for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)\.js'/g)) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), `${spec}.ts`));
        if (existsSync(path.join(root, target))) queue.push(target);
      }
    }
    return [...seen].map((file) => `dist/${file.replace(/\.ts$/, '.js')}`);
  }

  it('every module the hall service and its ES-module workers load, so the workers never read the archive', () => {
    const modules = hallModules();
    expect(modules).toContain('dist/electron/hall/reports/report-worker.js');
    expect(modules).toContain('dist/db/connection.js');
    expect(modules.length).toBeGreaterThan(50);
    for (const file of modules) expect(unpacked(file), file).toBe(true);
    for (const file of ['package.json', 'node_modules/exceljs/package.json', 'node_modules/better-sqlite3-multiple-ciphers/lib/index.js']) {
      expect(unpacked(file), file).toBe(true);
    }
  });

  it('the shell and the pages stay in the archive', () => {
    for (const file of ['dist/electron/main/index.js', 'dist/electron/main/preload.cjs', 'dist/renderer/index.html']) expect(unpacked(file), file).toBe(false);
  });

  it('the hall entry is started from the unpacked copy when packaged', () => {
    expect(unpackedPath('/opt/hall/resources/app.asar')).toBe('/opt/hall/resources/app.asar.unpacked');
    expect(unpackedPath('/src/hall')).toBe('/src/hall');
  });
});

describe('extra resources', () => {
  const expand = (from: string, platform: string, arch: string) => from.replaceAll('${platform}', platform).replaceAll('${arch}', arch);

  it('the SQLite addon for each platform and arch lands where the app looks for it', () => {
    const native = config.extraResources.find((set) => set.from.startsWith('native/'));
    expect(native).toBeDefined();
    for (const [platform, arch] of [['linux', 'x64'], ['linux', 'arm64'], ['win32', 'x64'], ['win32', 'arm64']] as const) {
      expect(expand(native!.from, platform, arch)).toBe(`native/electron-${platform}-${arch}`);
      expect(matches('better_sqlite3.node', native!.filter)).toBe(true);
      const shipped = path.posix.join('/r', native!.to, 'better_sqlite3.node');
      expect(sqliteBindingPath({ packaged: true, appRoot: '/r/app.asar', resourcesPath: '/r', platform, arch }).split(path.sep).join('/')).toBe(shipped);
    }
  });

  it('locales, catalogue, sounds and icons are copied; the installer script is not', () => {
    const resources = config.extraResources.find((set) => set.from === 'resources')!;
    const files = walk(path.join(root, 'resources'));
    expect(files).toContain('locales/zh-CN.json');
    for (const file of ['locales/zh-CN.json', 'locales/en.json', 'icons/tray.png']) expect(matches(file, resources.filter), file).toBe(true);
    expect(matches('installer/firewall.nsh', resources.filter)).toBe(false);
  });
});

describe('installers', () => {
  it('NSIS: per machine, in Chinese, with the firewall rule for the hall port in its include', () => {
    expect(config.nsis.perMachine).toBe(true);
    expect(config.nsis.installerLanguages).toEqual(['zh_CN']);
    const include = readFileSync(path.join(root, config.nsis.include), 'utf8');
    expect(include).toMatch(/!macro customInstall[\s\S]*netsh advfirewall firewall add rule[^\n]*localport=8620/);
    expect(include).toMatch(/!macro customUnInstall[\s\S]*netsh advfirewall firewall delete rule/);
  });

  it('deb depends on CJK fonts, ALSA and GBM', () => {
    expect(config.deb.depends).toEqual(expect.arrayContaining(['fonts-noto-cjk', 'libasound2', 'libgbm1']));
  });

  it('icons: a 512 px PNG, a Windows ICO with a 256 px image, a tray icon', () => {
    const icons = path.join(root, config.directories.buildResources);
    const png = readFileSync(path.join(icons, 'icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    const ico = readFileSync(path.join(icons, 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toContain(256);
    expect(statSync(path.join(icons, 'tray.png')).size).toBeGreaterThan(0);
  });
});
