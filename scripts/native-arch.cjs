// The CPU a native addon was built for, read from its ELF (Linux) or PE (Windows) header, so a
// build for the wrong arch (node-gyp --arch=arm64 on an x64 PC without a cross compiler quietly
// makes an x64 file) is caught before it is packed. Also electron-builder's beforePack hook:
// packing stops when native/electron-<platform>-<arch>/better_sqlite3.node is missing or wrong.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: electron-builder requires its hooks */
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

/** 'x64' | 'arm64' | 'ia32' | 'arm', or null when the header is neither ELF nor PE or names another CPU. */
function binaryArch(bytes) {
  if (bytes.length >= 20 && bytes.readUInt32BE(0) === 0x7f454c46) {
    const machine = bytes[5] === 2 ? bytes.readUInt16BE(18) : bytes.readUInt16LE(18);
    return { 0x3e: 'x64', 0xb7: 'arm64', 0x03: 'ia32', 0x28: 'arm' }[machine] ?? null;
  }
  if (bytes.length >= 64 && bytes.readUInt16LE(0) === 0x5a4d) {
    const pe = bytes.readUInt32LE(60);
    if (bytes.length < pe + 6 || bytes.readUInt32LE(pe) !== 0x4550) return null;
    return { 0x8664: 'x64', 0xaa64: 'arm64', 0x14c: 'ia32' }[bytes.readUInt16LE(pe + 4)] ?? null;
  }
  return null;
}

/** electron-builder's Arch enum (builder-util) by number. */
const BUILDER_ARCH = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

/** Refuses to pack without the SQLite addon built for this Electron, platform and arch. */
async function beforePack(context) {
  const platform = context.electronPlatformName;
  const arch = BUILDER_ARCH[context.arch] ?? String(context.arch);
  const projectDir = context.packager.info.projectDir;
  const file = path.join(projectDir, 'native', `electron-${platform}-${arch}`, 'better_sqlite3.node');
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run native:electron -- --arch ${arch}\` on a ${platform}-${arch} machine (or one with a cross compiler) first`);
  }
  const found = binaryArch(readFileSync(file));
  if (found !== arch) throw new Error(`${file} is built for ${found ?? 'an unknown CPU'}, not ${arch}`);
}

module.exports = { binaryArch, beforePack, default: beforePack };
