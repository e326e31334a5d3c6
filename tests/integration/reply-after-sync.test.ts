// "Reply only after the data is on the disk" (issue 11), watched at the disk: a preload shim holds
// the syncs of the database's WAL while the test has armed it, one by one, and says which it holds.
// A write whose sync is held must not be answered: a lone ticket, committed by its own COMMIT at
// synchronous=FULL with the event loop waiting in it, nor the tickets that reached the host meanwhile.
// (Requests from one client process reach the host a loop turn apart, so these commit one by one too;
// the path of a shared group, synced on the thread pool, is not driven here.)
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startHostProcess, type HostProcess } from './support/host-process.js';
import { preloadLibrary } from './support/preload-library.js';

/** While <FSYNC_GATE_DIR>/armed exists, the k-th sync of a -wal file creates held-k and waits for
 *  pass-k (or for the arming to end). */
const GATE_SOURCE = `
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int exists(const char *dir, const char *name) {
  char p[4096];
  snprintf(p, sizeof p, "%s/%s", dir, name);
  return access(p, F_OK) == 0;
}

static void hold_while_armed(int fd) {
  static int count = 0;
  const char *dir = getenv("FSYNC_GATE_DIR");
  if (!dir || !exists(dir, "armed")) return;
  char link[64], target[4096], name[64], p[4096];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, target, sizeof target - 1);
  if (n < 4) return;
  target[n] = 0;
  if (strcmp(target + n - 4, "-wal") != 0) return;
  int k = __sync_add_and_fetch(&count, 1);
  snprintf(p, sizeof p, "%s/held-%d", dir, k);
  int f = open(p, O_WRONLY | O_CREAT, 0600);
  if (f >= 0) close(f);
  snprintf(name, sizeof name, "pass-%d", k);
  struct timespec t = { 0, 1000000 };
  while (exists(dir, "armed") && !exists(dir, name)) nanosleep(&t, 0);
}

int fsync(int fd) {
  static int (*real)(int) = 0;
  if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
  hold_while_armed(fd);
  return real(fd);
}

int fdatasync(int fd) {
  static int (*real)(int) = 0;
  if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
  hold_while_armed(fd);
  return real(fd);
}
`;

const ADMIN = 'sync-gate-admin';
const dir = mkdtempSync(path.join(os.tmpdir(), 'hall-sync-gate-'));
const gates = path.join(dir, 'gates');
const armed = path.join(gates, 'armed');
let host: HostProcess;
let kiosk: string;

beforeAll(async () => {
  mkdirSync(gates);
  const env = { ...process.env, LD_PRELOAD: preloadLibrary('fsync-gate', GATE_SOURCE), FSYNC_GATE_DIR: gates };
  host = await startHostProcess(['--data', path.join(dir, 'data'), '--host', '127.0.0.1', '--admin-password', ADMIN, '--log-level', 'warn'], env);
  const admin = (await call(host.base, 'POST', '/auth/login', null, { username: 'admin', password: ADMIN })).body.token;
  const settings = (await call(host.base, 'GET', '/queue/settings', admin)).body;
  await call(host.base, 'PUT', '/queue/settings', admin, { ...settings, periods: [{ open: '00:00', close: '23:59' }], weekdays: [1, 2, 3, 4, 5, 6, 7], holidaysClosed: false });
  await call(host.base, 'POST', '/queue/categories', admin, { code: 'A', name: '综合', prefix: 'A' });
  kiosk = (await call(host.base, 'POST', '/devices', admin, { name: '取号机', kind: 'kiosk' })).body.token;
});
afterAll(async () => {
  rmSync(armed, { force: true });
  host?.child.kill('SIGTERM');
  await host?.exited;
  rmSync(dir, { recursive: true, force: true });
});

const held = (k: number) => existsSync(path.join(gates, `held-${k}`));

async function until(what: string, done: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A reply written before its sync would be here well within this (loopback); none may come. */
const answeredMeanwhile = async (answered: () => number) => {
  await new Promise((resolve) => setTimeout(resolve, 150));
  return answered();
};

/** `count` tickets asked for at once, each on its own connection; `sent` settles once every request
 *  has been handed to the kernel (so a host busy in a sync finds them all waiting when it is done). */
function takeTickets(count: number) {
  let answered = 0;
  const body = JSON.stringify({ categoryCode: 'A' });
  const sent: Array<Promise<void>> = [];
  const replies = Array.from({ length: count }, () =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(`${host.base}/api/v1/queue/tickets`, {
        method: 'POST',
        agent: false,
        headers: { authorization: `Bearer ${kiosk}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      });
      sent.push(new Promise((done) => req.on('finish', done)));
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => {
          answered += 1;
          resolve(res.statusCode ?? 0);
        });
      });
      req.on('error', reject);
      req.end(body);
    }),
  );
  return { replies: Promise.all(replies), sent: Promise.all(sent), answered: () => answered };
}

describe('a write is answered only once its commit is on the disk', () => {
  it('a lone ticket waits for its own sync, and the tickets that came meanwhile for theirs', async () => {
    writeFileSync(armed, '');
    const lone = takeTickets(1);
    await until('a sync of the lone ticket held', () => held(1));
    expect(await answeredMeanwhile(lone.answered)).toBe(0);
    // These arrive while the lone ticket's commit waits for the disk: they are applied after it.
    const meanwhile = takeTickets(5);
    await meanwhile.sent;
    // Its syncs go through one at a time (a commit that starts the WAL afresh syncs its header too).
    let k = 1;
    for (;;) {
      writeFileSync(path.join(gates, `pass-${k}`), '');
      await until('the lone ticket answered or its next sync held', () => lone.answered() > 0 || held(k + 1));
      // A sync held after the lone reply was written is for the tickets after it: the reply is here by now.
      if (lone.answered() > 0 || (await answeredMeanwhile(lone.answered)) > 0) break;
      k += 1;
    }
    expect(await lone.replies).toEqual([201]);
    await until('a sync of the tickets that came meanwhile held', () => held(k + 1));
    expect(await answeredMeanwhile(meanwhile.answered)).toBe(0);
    rmSync(armed);
    expect(await meanwhile.replies).toEqual(Array(5).fill(201));
  });
});
