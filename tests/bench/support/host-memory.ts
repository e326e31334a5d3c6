// The host's own memory figures, from outside: a small script node preloads into the host
// (`--require`), which prints `process.memoryUsage()` as a line every few seconds. Bench-only; the
// host itself has no such output.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPORTER = `
const every = Number(process.env.HOST_MEMORY_EVERY_MS || 5000);
const timer = setInterval(() => {
  const m = process.memoryUsage();
  process.stdout.write('host-memory ' + JSON.stringify({ at: Date.now(), rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external }) + '\\n');
}, every);
timer.unref();
`;

export interface HostMemory {
  at: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

let file: string | null = null;

/** The node options that load the reporter into a host. */
export function hostMemoryArgs(): string[] {
  if (!file) {
    file = path.join(mkdtempSync(path.join(os.tmpdir(), 'host-memory-')), 'report-memory.cjs');
    writeFileSync(file, REPORTER);
  }
  return ['--require', file];
}

/** Every figure the host has printed so far, oldest first. */
export function hostMemoryLines(stdout: string): HostMemory[] {
  return [...stdout.matchAll(/^host-memory (\{.*\})$/gm)].map((m) => JSON.parse(m[1]!) as HostMemory);
}
