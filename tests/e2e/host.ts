// A fixture that starts the built headless host (`node dist/electron/hall/cli.js`, what `npm run serve`
// runs after building) on a free port with a fresh data folder and demo data, and stops it with SIGTERM.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { call, startHostProcess } from '../integration/support/host-process.js';

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
    const { child, base, stdout, exited } = await startHostProcess(['--data', data, '--admin-password', ADMIN_PASSWORD, '--demo']);
    const api: Host['api'] = async (method, url, token, body) => {
      const res = await call(base, method, url, token, body);
      if (res.status >= 400) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    await use({ base, stdout: stdout(), api });
    child.kill('SIGTERM');
    await exited;
    rmSync(data, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
