// A preload library built here with gcc from C source (Linux, glibc): run a host with LD_PRELOAD
// pointing at it to put a shim between the host and libc (the slow disk of the benches, the fsync
// gate of the durability tests).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const built = new Map<string, string>();

/** The library's path, built once per process and name into a temporary folder. */
export function preloadLibrary(name: string, source: string): string {
  const known = built.get(name);
  if (known && existsSync(known)) return known;
  const dir = mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  const file = path.join(dir, `${name}.c`);
  const library = path.join(dir, `${name}.so`);
  writeFileSync(file, source);
  execFileSync('gcc', ['-shared', '-fPIC', '-O2', '-o', library, file, '-ldl'], { stdio: 'pipe' });
  built.set(name, library);
  return library;
}
