// E2E in Debian's Chromium (never a downloaded browser), each test against its own host started
// with `npm run serve`'s entry on a fresh data folder (see host.ts).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // Two workers on a 2-core machine, each with its own host and several pages: a full path (kiosk →
  // counter → display → pad, or intake to delivery) takes 25–55 s and was seen past 60 s under load.
  // The limits only bound a hung test; they are not speed checks.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '../../test-results/playwright.json' }]],
  outputDir: '../../test-results/playwright',
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 768 },
    screenshot: 'only-on-failure',
    // A failed test keeps its trace with the DOM snapshot of every step (and the failure's own
    // screenshot above), but no screencast: recording frames of every page for every test (then
    // thrown away when it passes) was about 40 % of the suite's CPU (queue.spec: 61 s of CPU with
    // screenshots, 41 s without, 36 s with no trace at all).
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
