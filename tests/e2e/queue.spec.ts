// Issue 3's path in four browser contexts against the built host: the kiosk takes a ticket and its
// slip shows the number; the counter calls it; the display shows it and queues exactly the
// announcement text; the counter completes it; the rating pad beside the window rates it.
import { ADMIN_PASSWORD, expect, test } from './host.js';

test('kiosk → counter → display with voice → rating pad', async ({ host, browser }) => {
  // The demo township (--demo) has categories A/B/C, window 1 serving A then C with the demo rating
  // pad beside it, and pairing links for its kiosk, display and pad in the host's output.
  const admin = (await host.api('POST', '/auth/login', null, { username: 'admin', password: ADMIN_PASSWORD })).token;
  const settings = await host.api('GET', '/queue/settings', admin);
  await host.api('PUT', '/queue/settings', admin, { ...settings, announceRepeat: 1, numberReading: 'digits' });
  const pairing = (page: string) => new RegExp(`/${page}#pair=(\\S+)`).exec(host.stdout)![1]!;
  const window1 = (await host.api('GET', '/windows', admin)).find((w: { number: number }) => w.number === 1);

  const open = async (path: string, viewport: { width: number; height: number }) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(host.base + path);
    return page;
  };
  const kiosk = await open(`/kiosk#pair=${pairing('kiosk')}`, { width: 1920, height: 1080 });
  const display = await open(`/display#pair=${pairing('display')}`, { width: 1920, height: 1080 });
  const rating = await open(`/rating#pair=${pairing('rating')}`, { width: 1280, height: 800 });
  const counter = await open('/', { width: 1366, height: 768 });
  await expect(display.getByTestId('display-calling')).toBeVisible();
  await expect(rating.getByTestId('rating-idle')).toBeVisible();

  // The clerk signs in at window 1.
  await counter.getByLabel('用户名').fill('clerk1');
  await counter.getByLabel('密码').fill('demo1234');
  await counter.getByRole('button', { name: '登录' }).click();
  await counter.getByTestId('main-nav').getByRole('link', { name: /窗口/ }).click();
  await counter.getByTestId('counter-window-select').selectOption(String(window1.id));
  await counter.getByTestId('counter-sign-in').click();
  await expect(counter.getByTestId('counter-call-next')).toBeEnabled();

  // The citizen takes a ticket; the slip printed in the browser carries the same number.
  await expect(kiosk.getByTestId('kiosk-waiting-A')).toContainText('0');
  await kiosk.getByTestId('kiosk-category-A').click();
  await expect(kiosk.getByTestId('kiosk-ticket-number')).toHaveText('A001');
  await expect(kiosk.getByTestId('kiosk-print-status')).toHaveAttribute('data-status', /printed|sent/);
  const slip = kiosk.frameLocator('iframe').first();
  await expect(slip.locator('body')).toContainText('A001');
  await expect(slip.locator('body')).toContainText('社保医保');
  // The counter's waiting count went up without a reload.
  await expect(counter.getByTestId('counter-waiting')).toContainText('1');

  // Call: the display shows it and queues exactly the announcement.
  await counter.getByTestId('counter-call-next').click();
  await expect(counter.getByTestId('counter-current-number')).toHaveText('A001');
  await expect(display.getByTestId('display-call').first()).toHaveAttribute('data-number', 'A001');
  await expect(display.getByTestId('voice-log').locator('li')).toHaveText(['请 A 零 零 一 号到 1 号窗口办理']);
  expect(await display.evaluate(() => (window as unknown as { __hallVoice?: { queued: string[] } }).__hallVoice?.queued)).toEqual(['请 A 零 零 一 号到 1 号窗口办理']);

  // Start and complete; the pad asks about A001 and takes the rating.
  await counter.getByTestId('counter-start').click();
  await expect(counter.getByTestId('counter-current')).toHaveAttribute('data-status', 'serving');
  await counter.getByTestId('counter-complete').click();
  await expect(counter.getByTestId('counter-current')).toHaveAttribute('data-status', 'none');
  await expect(rating.getByTestId('rating-ask')).toBeVisible();
  await expect(rating.getByTestId('rating-ticket-number')).toContainText('A001');
  await rating.getByTestId('rating-level-5').click();
  await rating.getByTestId('rating-submit').click();
  await expect(rating.getByTestId('rating-thanks')).toBeVisible();

  const figures = await host.api('GET', '/queue/daily', admin);
  expect(figures).toEqual([expect.objectContaining({ categoryCode: 'A', issued: 1, served: 1 })]);
  expect(await host.api('GET', '/queue/state', admin)).toMatchObject({ categories: [{ code: 'A', waiting: 0 }, { code: 'B' }, { code: 'C' }] });
  const ratingsStored = await host.api('GET', '/queue/tickets/1', admin);
  expect(ratingsStored.status).toBe('done');
});
