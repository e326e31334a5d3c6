#!/usr/bin/env node
// Writes the app's icons into resources/icons: icon.png (512 px, Linux and the window), icon.ico
// (Windows; PNG entries of 16 to 256 px) and tray.png (32 px, the host's tray icon). A plain
// design drawn here, so no image tool is needed: a blue rounded square with a white hall (roof,
// columns, base). Run again after changing the drawing; the files are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const BLUE = [0x1f, 0x5f, 0xbf, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

/** Colour at (x, y) in a 1×1 square, with y growing downward. */
function paint(x, y) {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return CLEAR;
  const roof = y >= 0.2 && y <= 0.38 && Math.abs(x - 0.5) <= (y - 0.2) * (0.3 / 0.18) + 0.02;
  const beam = y >= 0.4 && y <= 0.45 && x >= 0.22 && x <= 0.78;
  const column = y > 0.45 && y < 0.72 && [0.28, 0.42, 0.58, 0.72].some((c) => Math.abs(x - c) <= 0.035);
  const base = y >= 0.72 && y <= 0.8 && x >= 0.18 && x <= 0.82;
  return roof || beam || column || base ? WHITE : BLUE;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA PNG of `size` px, each pixel the average of 4×4 samples (smooth edges). */
export function drawPng(size) {
  const rows = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy += 1) {
        for (let sx = 0; sx < 4; sx += 1) {
          const colour = paint((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
          for (let i = 0; i < 3; i += 1) sum[i] += colour[i] * colour[3];
          sum[3] += colour[3];
        }
      }
      const alpha = sum[3] / 16;
      for (let i = 0; i < 3; i += 1) row[1 + x * 4 + i] = sum[3] === 0 ? 0 : Math.round(sum[i] / sum[3]);
      row[1 + x * 4 + 3] = Math.round(alpha);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO holding PNG images (Windows Vista and later read these). */
export function drawIco(sizes) {
  const images = sizes.map((size) => ({ size, png: drawPng(size) }));
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'icons');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'icon.png'), drawPng(512));
  writeFileSync(path.join(dir, 'icon.ico'), drawIco([16, 24, 32, 48, 64, 128, 256]));
  writeFileSync(path.join(dir, 'tray.png'), drawPng(32));
  console.log(`icons written to ${dir}`);
}
