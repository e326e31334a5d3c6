// The built hall host and village node as real processes on fixed loopback ports, so either can be
// stopped and started again on the same address and data folder (the node keeps the hall's URL).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export interface Proc {
  child: ChildProcessWithoutNullStreams;
  base: string;
  /** What the process printed on stdout so far (the node prints its access link there). */
  output(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function start(cli: string, ready: RegExp, args: string[]): Promise<Proc> {
  const child = spawn(process.execPath, [path.resolve(cli), ...args], { env: process.env });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${cli}: no ready line in 30 s; ${out} ${err}`)), 30_000);
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      out += d;
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          child,
          base: m[1]!,
          output: () => out,
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    void exited.then(() => reject(new Error(`${cli} exited before ready: ${err}`)));
  });
}

export const startHall = (data: string, port: number, adminPassword: string) =>
  start('dist/electron/hall/cli.js', /^hall listening on (http:\/\/\S+)$/m, ['--data', data, '--port', String(port), '--admin-password', adminPassword, '--demo']);

export const startNode = (data: string, port: number, host = '127.0.0.1') =>
  start('dist/electron/village/cli.js', /^village node listening on (http:\/\/\S+)$/m, ['--data', data, '--port', String(port), '--host', host, '--sync-interval', '1', '--retry-cap', '2', '--log-level', 'warn']);
