// A 7200 rpm disk on a fast machine: a preload library, built here with gcc, whose fsync and
// fdatasync sleep FSYNC_DELAY_US (8 ms unless set) before doing the real call. Run the host with
// LD_PRELOAD pointing at it (Linux, glibc).
import { preloadLibrary } from '../../integration/support/preload-library.js';

const SOURCE = `
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static long delay_us(void) {
  const char *v = getenv("FSYNC_DELAY_US");
  return v ? atol(v) : 8000;
}

static void wait_like_a_disk(void) {
  long us = delay_us();
  struct timespec t = { us / 1000000, (us % 1000000) * 1000 };
  while (nanosleep(&t, &t) != 0) {}
}

int fsync(int fd) {
  static int (*real)(int) = 0;
  if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
  wait_like_a_disk();
  return real(fd);
}

int fdatasync(int fd) {
  static int (*real)(int) = 0;
  if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
  wait_like_a_disk();
  return real(fd);
}
`;

/** The shim's path, built once per process into a temporary folder. */
export function slowFsyncLibrary(): string {
  return preloadLibrary('slow-fsync', SOURCE);
}

/** The environment for a host on the slow disk. */
export function slowDiskEnv(delayUs = 8000): NodeJS.ProcessEnv {
  return { ...process.env, LD_PRELOAD: slowFsyncLibrary(), FSYNC_DELAY_US: String(delayUs) };
}
