// A fixture that starts the built headless host (`node dist/electron/hall/cli.js`, what `npm run serve`
// runs after building) on a free port with a fresh data folder, and stops it with SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';

export const ADMIN_PASSWORD = 'e2e-admin-pass';

export interface Host {
  base: string;
  stdout: string;
  /** Calls the API as the given token (admin set-up steps that are not what the test is about). */
  api(method: string, url: string, token: string | null, body?: unknown): Promise<any>;
}

export const test = base.extend<{ host: Host }>({
  host: async ({}, use) => {
    const data = mkdtempSync(path.join(os.tmpdir(), 'hall-e2e-'));
    const child = spawn(process.execPath, [path.resolve('dist/electron/hall/cli.js'), '--data', data, '--port', '0', '--admin-password', ADMIN_PASSWORD, '--demo']);
    let out = '';
    let err = '';
    const base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`host not ready in 20 s: ${out} ${err}`)), 20_000);
      child.stderr.on('data', (d) => (err += d));
      child.stdout.on('data', (d) => {
        out += d;
        const m = /^hall listening on (http:\/\/\S+)$/m.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.on('exit', (code) => reject(new Error(`host exited ${code}: ${err}`)));
    });
    const api: Host['api'] = async (method, url, token, body) => {
      const res = await fetch(`${base}/api/v1${url}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
      return text ? JSON.parse(text) : null;
    };
    await use({ base, stdout: out, api });
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGTERM');
    await exited;
    rmSync(data, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
