// A fixture that starts the built headless host (`node dist/electron/hall/cli.js`, what `npm run serve`
// runs after building) on a free port with a fresh data folder and demo data, and stops it with SIGTERM.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
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

/** Logs in on the staff page (in `lang` when given) and waits for the menu. */
export async function signIn(page: Page, host: Host, username: string, password: string, lang?: string): Promise<void> {
  if (lang) await page.addInitScript((l) => localStorage.setItem('hall.lang', l), lang);
  await page.goto(host.base + '/');
  const form = page.getByTestId('login-form');
  await form.locator('input').nth(0).fill(username);
  await form.locator('input[type=password]').fill(password);
  await form.locator('button[type=submit]').click();
  await expect(page.getByTestId('main-nav')).toBeVisible();
}

/** The first demo item that `accept` lets through (on its summary) with at least two required
 *  materials, read whole; the test fails when there is none. */
export async function itemWithTwoRequired(host: Host, token: string, accept: (summary: any) => boolean = () => true): Promise<any> {
  const items = await host.api('GET', '/items', token);
  for (const summary of items.rows ?? items) {
    if (!accept(summary)) continue;
    const full = await host.api('GET', `/items/${summary.code}`, token);
    if (full.materials.filter((m: { requirement: string }) => m.requirement === 'required').length >= 2) return full;
  }
  throw new Error('no demo item with two required materials');
}
