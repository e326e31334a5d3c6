// Runs the built host (`node dist/electron/hall/cli.js`) as a real process, as `npm run serve` does.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../../../db/connection.js';
import { databaseFileState, resolveDatabaseKey } from '../../../db/db-key.js';

export const CLI = path.resolve('dist/electron/hall/cli.js');

export interface HostProcess {
  child: ChildProcessWithoutNullStreams;
  base: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** `nodeArgs`: options for node itself, before the script (`--cpu-prof`, which NODE_OPTIONS refuses). */
export function startHostProcess(args: string[], env: NodeJS.ProcessEnv = process.env, readyTimeoutMs = 20_000, nodeArgs: string[] = []): Promise<HostProcess> {
  if (!existsSync(CLI)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  const child = spawn(process.execPath, [...nodeArgs, CLI, '--port', '0', ...args], { env });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line in ${readyTimeoutMs / 1000} s; stdout: ${out} stderr: ${err}`)), readyTimeoutMs);
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      out += d;
      const m = /^hall listening on (http:\/\/\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1]!, stdout: () => out, stderr: () => err, exited });
      }
    });
    void exited.then((code) => reject(new Error(`exited ${code} before ready: ${err}`)));
  });
}

export async function call(base: string, method: string, url: string, token: string | null, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}/api/v1${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/**
 * `<dataDir>/hall.db` opened beside the host as the host opens it: with the key in the data folder
 * (created for a new folder, as the host's first start would). A plain file from before encryption
 * is opened plain.
 */
export function openHostDatabase(dataDir: string, options: { readonly?: boolean } = {}): Db {
  const file = path.join(dataDir, 'hall.db');
  const key = databaseFileState(file) === 'plaintext' ? null : resolveDatabaseKey(dataDir, {}).key;
  return openDatabase(file, { key, readonly: options.readonly ?? false });
}
