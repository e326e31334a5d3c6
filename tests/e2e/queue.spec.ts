// Issue 3's path in four browser contexts against the built host: the kiosk takes a ticket and its
// slip shows the number; the counter calls it; the display shows it and queues exactly the
// announcement text; the counter completes it; the rating pad beside the window rates it.
import { ADMIN_PASSWORD, expect, test } from './host.js';

test('kiosk → counter → display with voice → rating pad', async ({ host, browser }) => {
  // Set-up through the API: what the admin screens do is not this test's subject.
  const admin = (await host.api('POST', '/auth/login', null, { username: 'admin', password: ADMIN_PASSWORD })).token;
  const settings = await host.api('GET', '/queue/settings', admin);
  await host.api('PUT', '/queue/settings', admin, { ...settings, openTime: '00:00', closeTime: '23:59', weekdays: [1, 2, 3, 4, 5, 6, 7], announceRepeat: 1, numberReading: 'digits' });
  await host.api('POST', '/queue/categories', admin, { code: 'A', name: '社保医保', prefix: 'A', description: '参保登记、缴费、医保报销' });
  const pad = await host.api('POST', '/devices', admin, { name: '3号窗口评价器', kind: 'rating' });
  const kioskDevice = await host.api('POST', '/devices', admin, { name: '取号机', kind: 'kiosk' });
  const displayDevice = await host.api('POST', '/devices', admin, { name: '叫号屏', kind: 'display' });
  const window3 = await host.api('POST', '/windows', admin, { number: 3, name: '综合受理3号', categoryCodes: ['A'], ratingDeviceId: pad.id });

  const open = async (path: string, viewport: { width: number; height: number }) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(host.base + path);
    return page;
  };
  const kiosk = await open(`/kiosk#pair=${kioskDevice.token}`, { width: 1920, height: 1080 });
  const display = await open(`/display#pair=${displayDevice.token}`, { width: 1920, height: 1080 });
  const rating = await open(`/rating#pair=${pad.token}`, { width: 1280, height: 800 });
  const counter = await open('/', { width: 1366, height: 768 });
  await expect(display.getByTestId('display-calling')).toBeVisible();
  await expect(rating.getByTestId('rating-idle')).toBeVisible();

  // The clerk signs in at window 3.
  await counter.getByLabel('用户名').fill('clerk1');
  await counter.getByLabel('密码').fill('demo1234');
  await counter.getByRole('button', { name: '登录' }).click();
  await counter.getByTestId('main-nav').getByRole('link', { name: /窗口/ }).click();
  await counter.getByTestId('counter-window-select').selectOption(String(window3.id));
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
  await expect(display.getByTestId('voice-log').locator('li')).toHaveText(['请 A 零 零 一 号到 3 号窗口办理']);
  expect(await display.evaluate(() => (window as unknown as { __hallVoice?: { queued: string[] } }).__hallVoice?.queued)).toEqual(['请 A 零 零 一 号到 3 号窗口办理']);

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
  const ratingsStored = await host.api('GET', '/queue/tickets/1', admin);
  expect(ratingsStored.status).toBe('done');
});
