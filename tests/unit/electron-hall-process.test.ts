import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ utilityProcess: { fork: vi.fn() } }));
vi.mock('electron', () => electron);

import { hallArgs, HALL_SHUTDOWN_MESSAGE, HallService, HallStartError, type HallChild } from '../../electron/main/hall-process.js';
import { LineSplitter, parseAdminPasswordLine, parseReadyLine } from '../../electron/main/hall-ready.js';
import { failuresAfterExit, HALL_RESTART_POLICY, restartDelayMs } from '../../electron/main/restart-backoff.js';

describe('parseReadyLine', () => {
  it('reads the address the hall prints when ready', () => {
    expect(parseReadyLine('hall listening on http://127.0.0.1:8620')).toEqual({ url: 'http://127.0.0.1:8620', host: '127.0.0.1', port: 8620 });
    expect(parseReadyLine('hall listening on http://0.0.0.0:9000\r')).toEqual({ url: 'http://0.0.0.0:9000', host: '0.0.0.0', port: 9000 });
    expect(parseReadyLine('hall listening on http://[::1]:8620')).toEqual({ url: 'http://[::1]:8620', host: '::1', port: 8620 });
  });

  it.each([
    '{"level":30,"msg":"hall listening on http://127.0.0.1:8620"}',
    ' hall listening on http://127.0.0.1:8620',
    'hall listening on https://127.0.0.1:8620',
    'hall listening on http://127.0.0.1',
    'hall listening on http://127.0.0.1:8620/api',
    'hall listening on http://127.0.0.1:8620 extra',
    'hall listening on nonsense',
    '',
  ])('ignores %j', (line) => {
    expect(parseReadyLine(line)).toBeNull();
  });
});

describe('parseAdminPasswordLine', () => {
  it('finds the password the hall prints once for a new database', () => {
    expect(parseAdminPasswordLine('  管理员 admin 初始密码（只显示这一次）/ admin password (shown once): Xk3-pq9-7mz')).toBe('Xk3-pq9-7mz');
    expect(parseAdminPasswordLine('  工作人员登录 / staff:     http://127.0.0.1:8620/')).toBeNull();
    expect(parseAdminPasswordLine('admin password (shown once): ')).toBeNull();
  });
});

describe('LineSplitter', () => {
  it('joins a line split across chunks and keeps the unfinished tail', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('first\nhall listen')).toEqual(['first']);
    expect(splitter.push('ing on http://127.0.0.1:8620\nrest')).toEqual(['hall listening on http://127.0.0.1:8620']);
    expect(splitter.flush()).toEqual(['rest']);
    expect(splitter.flush()).toEqual([]);
  });
});

describe('restart backoff', () => {
  it('doubles from one second up to a one-minute cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 100].map((n) => restartDelayMs(n))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
    expect(restartDelayMs(0)).toBe(1_000);
  });

  it('starts counting again after a stable run', () => {
    expect(failuresAfterExit(3, 0, HALL_RESTART_POLICY.stableMs)).toBe(1);
    expect(failuresAfterExit(3, 0, HALL_RESTART_POLICY.stableMs - 1)).toBe(4);
    expect(failuresAfterExit(0, 1_000, 2_000)).toBe(1);
  });
});

describe('hallArgs', () => {
  it('passes the CLI contract flags', () => {
    expect(hallArgs('/data/hall-data', 8620, false)).toEqual(['--data', '/data/hall-data', '--port', '8620', '--host', '127.0.0.1']);
    expect(hallArgs('/d', 9000, true)).toEqual(['--data', '/d', '--port', '9000', '--host', '0.0.0.0']);
  });
});

class FakeChild extends EventEmitter implements HallChild {
  stdout = new PassThrough();
  stderr = new PassThrough();
  pid: number | undefined = 4242;
  kill = vi.fn(() => {
    queueMicrotask(() => this.exit(0));
    return true;
  });
  postMessage = vi.fn();
  exit(code: number): void {
    this.pid = undefined;
    this.emit('exit', code);
  }
  say(text: string): void {
    this.stdout.write(text);
  }
}

/** Lets stream 'data' events and promise callbacks run under fake timers. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await vi.advanceTimersByTimeAsync(0);
}

describe('HallService', () => {
  let children: FakeChild[];
  let now: number;
  const fork = vi.fn(() => {
    const child = new FakeChild();
    children.push(child);
    return child;
  });
  const service = (extra: Partial<ConstructorParameters<typeof HallService>[0]> = {}) =>
    new HallService({
      entry: '/app/dist/electron/hall/cli.js',
      args: ['--port', '8620'],
      env: { HALL_RESOURCES_DIR: '/res' },
      readyTimeoutMs: 5_000,
      stopTimeoutMs: 2_000,
      fork,
      now: () => now,
      log: () => undefined,
      platform: 'linux',
      ...extra,
    });

  beforeEach(() => {
    vi.useFakeTimers();
    children = [];
    now = 0;
    fork.mockClear();
  });
  afterEach(() => vi.useRealTimers());

  it('forks the entry with its arguments and resolves on the ready line', async () => {
    const hall = service();
    const started = hall.start();
    expect(fork).toHaveBeenCalledExactlyOnceWith('/app/dist/electron/hall/cli.js', ['--port', '8620'], {
      env: { HALL_RESOURCES_DIR: '/res' },
      serviceName: 'Township Hall Service',
    });
    children[0]?.say('{"msg":"migrating"}\nhall listening on http://127.');
    children[0]?.say('0.0.1:8620\n');
    await expect(started).resolves.toEqual({ url: 'http://127.0.0.1:8620', host: '127.0.0.1', port: 8620 });
    expect(hall.isRunning()).toBe(true);
  });

  it('passes the admin password typed in the set-up to the first start only, never to a restart', async () => {
    const hall = service({ firstStartArgs: ['--admin-password', 'Hall-admin-2026'], policy: { baseMs: 10, capMs: 10, stableMs: 60_000 } });
    const started = hall.start();
    expect((fork.mock.calls[0] as unknown[] | undefined)?.[1]).toEqual(['--port', '8620', '--admin-password', 'Hall-admin-2026']);
    children[0]?.say('hall listening on http://127.0.0.1:8620\n');
    await started;
    children[0]?.exit(1);
    await vi.advanceTimersByTimeAsync(20);
    expect(fork).toHaveBeenCalledTimes(2);
    expect((fork.mock.calls[1] as unknown[] | undefined)?.[1]).toEqual(['--port', '8620']);
  });

  it('asks the running service how many terminals are connected; null when it does not answer or is down', async () => {
    const hall = service();
    await expect(hall.countTerminals()).resolves.toBeNull();
    const started = hall.start();
    children[0]?.say('hall listening on http://127.0.0.1:8620\n');
    await started;
    const child = children[0]!;
    child.postMessage.mockImplementation((message: unknown) => {
      if ((message as { type: string }).type === 'hall:count-terminals') queueMicrotask(() => child.emit('message', { type: 'hall:terminals', count: 6 }));
    });
    await expect(hall.countTerminals()).resolves.toBe(6);
    expect(child.listenerCount('message')).toBe(0);
    child.postMessage.mockImplementation(() => undefined);
    const silent = hall.countTerminals(500);
    await vi.advanceTimersByTimeAsync(500);
    await expect(silent).resolves.toBeNull();
  });

  it('hands the generated admin password to the operator and keeps it out of the log', async () => {
    const logged: string[] = [];
    const onAdminPassword = vi.fn();
    const hall = service({ log: (line) => logged.push(line), onAdminPassword });
    const started = hall.start();
    children[0]?.say('hall listening on http://127.0.0.1:8620\n  admin password (shown once): Xk3-pq9-7mz\n');
    await started;
    await settle();
    expect(onAdminPassword).toHaveBeenCalledExactlyOnceWith('Xk3-pq9-7mz');
    expect(logged.join('\n')).not.toContain('Xk3-pq9-7mz');
    expect(logged).toEqual(['hall listening on http://127.0.0.1:8620', '(initial admin password shown to the operator, not logged)']);
  });

  it('rejects with the stderr tail when the service exits before it is ready', async () => {
    const hall = service();
    const started = hall.start();
    const failed = expect(started).rejects.toMatchObject({
      name: 'HallStartError',
      message: 'the hall service exited with code 1 before it was ready',
      output: 'Error: listen EADDRINUSE 127.0.0.1:8620',
    });
    children[0]?.stderr.write('Error: listen EADDRINUSE 127.0.0.1:8620\n');
    await settle();
    children[0]?.exit(1);
    await failed;
    expect(fork).toHaveBeenCalledTimes(1);
  });

  it('gives up waiting after the timeout and stops the silent process', async () => {
    const hall = service();
    const started = hall.start();
    const failed = expect(started).rejects.toBeInstanceOf(HallStartError);
    await vi.advanceTimersByTimeAsync(5_000);
    await failed;
    await expect(started).rejects.toThrow('the hall service did not report ready within 5 s');
    expect(children[0]?.kill).toHaveBeenCalledTimes(1);
  });

  it('restarts after an unexpected exit with a growing delay', async () => {
    const hall = service();
    const started = hall.start();
    children[0]?.say('hall listening on http://127.0.0.1:8620\n');
    await started;

    now = 10_000;
    children[0]?.exit(134);
    await vi.advanceTimersByTimeAsync(999);
    expect(fork).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fork).toHaveBeenCalledTimes(2);
    expect(hall.restartFailures).toBe(1);

    children[1]?.say('hall listening on http://127.0.0.1:8620\n');
    await settle();
    now = 11_000;
    children[1]?.exit(134);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(fork).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fork).toHaveBeenCalledTimes(3);
    expect(hall.restartFailures).toBe(2);
  });

  it('stops with kill(), waits for the exit and does not restart', async () => {
    const hall = service();
    const started = hall.start();
    children[0]?.say('hall listening on http://127.0.0.1:8620\n');
    await started;
    await hall.stop();
    expect(children[0]?.kill).toHaveBeenCalledTimes(1);
    expect(children[0]?.postMessage).not.toHaveBeenCalled();
    expect(hall.isRunning()).toBe(false);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fork).toHaveBeenCalledTimes(1);
  });

  it('asks for a graceful shutdown on Windows before killing', async () => {
    const hall = service({ platform: 'win32' });
    const started = hall.start();
    children[0]?.say('hall listening on http://127.0.0.1:8620\n');
    await started;
    const child = children[0] as FakeChild;
    child.postMessage.mockImplementation(() => queueMicrotask(() => child.exit(0)));
    await hall.stop();
    expect(child.postMessage).toHaveBeenCalledExactlyOnceWith(HALL_SHUTDOWN_MESSAGE);
    expect(child.kill).not.toHaveBeenCalled();
  });

  it('cancels a pending restart when stopped', async () => {
    const hall = service();
    const started = hall.start();
    children[0]?.say('hall listening on http://127.0.0.1:8620\n');
    await started;
    children[0]?.exit(1);
    await hall.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fork).toHaveBeenCalledTimes(1);
  });
});
