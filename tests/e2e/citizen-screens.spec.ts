// The citizen-facing screens at the sizes they are used at (issue 12), each saved under
// test-results/screens/ and checked as a citizen meets it: the key parts inside the viewport without
// scrolling, text at least 24 px on the portrait kiosk, touch targets at least 60 px.
import { ADMIN_PASSWORD, expect, test, type Host } from './host.js';
import { blockAutoplayUntilGesture, expectInViewport, openPage, openTerminal, screenshot, smallestFontPx, smallestTarget } from './terminals.js';

/** Window 1 (the demo pad beside it) signed in as clerk1; returns the clerk's token and the window. */
async function clerkAtWindow1(host: Host): Promise<{ clerk: string; windowId: number }> {
  const admin = (await host.api('POST', '/auth/login', null, { username: 'admin', password: ADMIN_PASSWORD })).token;
  const windowId = (await host.api('GET', '/windows', admin)).find((w: { number: number }) => w.number === 1).id;
  const clerk = (await host.api('POST', '/auth/login', null, { username: 'clerk1', password: 'demo1234' })).token;
  await host.api('POST', `/windows/${windowId}/sign-in`, clerk, {});
  return { clerk, windowId };
}

const KIOSK_TEXT = '.kiosk-title, .kiosk-category-name, .kiosk-category-description, .kiosk-category-waiting, .kiosk-extra-name, .kiosk-extra-help, .kiosk-notice';

test('kiosk: portrait 1080×1920 uses the screen; landscape 1920×1080 and 1366×768 still fit; a ticket from an item’s guide', async ({ host, browser }) => {
  const kiosk = await openTerminal(browser, host, 'kiosk', { width: 1080, height: 1920 });
  await expect(kiosk.getByTestId('kiosk-category-A')).toBeEnabled();
  await screenshot(kiosk, 'kiosk-portrait-start');
  const startParts = ['kiosk-hall-name', 'kiosk-category-A', 'kiosk-category-B', 'kiosk-category-C', 'kiosk-priority', 'kiosk-appointment', 'kiosk-guide', 'kiosk-lookup'];
  for (const id of startParts) await expectInViewport(kiosk, kiosk.getByTestId(id), id);
  expect(await smallestFontPx(kiosk.locator(KIOSK_TEXT))).toBeGreaterThanOrEqual(24);
  const targets = await smallestTarget(kiosk.locator('.kiosk button'));
  expect(Math.min(targets.width, targets.height)).toBeGreaterThanOrEqual(60);
  // Laid out for the screen, not crowded into its top: the last entry ends in the lower part.
  const lookup = (await kiosk.getByTestId('kiosk-lookup').boundingBox())!;
  expect(lookup.y + lookup.height).toBeGreaterThan(1920 * 0.6);

  // 办事指南 → an everyday word → the item → a ticket in its category, from the guide itself.
  await kiosk.getByTestId('kiosk-guide').click();
  await kiosk.getByTestId('guide-search').fill('低保申请');
  await expect(kiosk.getByTestId('guide-list').locator('button').first()).toBeVisible();
  await screenshot(kiosk, 'kiosk-portrait-guide');
  expect(await smallestFontPx(kiosk.locator('.guide-item-name, .guide-search-input, .kiosk-title'))).toBeGreaterThanOrEqual(24);
  await kiosk.getByTestId('guide-list').locator('button').first().click();
  const take = kiosk.getByTestId('guide-take-ticket-B');
  await expectInViewport(kiosk, take, 'take a ticket for this item');
  await expectInViewport(kiosk, kiosk.getByTestId('guide-print-checklist'), 'print the checklist');
  await screenshot(kiosk, 'kiosk-portrait-guide-item');
  expect(await smallestFontPx(kiosk.locator('.guide-material-name, .guide-take-name, .guide-fact'))).toBeGreaterThanOrEqual(24);
  expect((await smallestTarget(kiosk.locator('.kiosk button'))).height).toBeGreaterThanOrEqual(60);

  // The checklist goes to the slip printer (a hidden frame in a plain browser).
  await kiosk.getByTestId('guide-print-checklist').click();
  await expect(kiosk.getByTestId('guide-print-status')).toHaveAttribute('data-status', 'printed');
  const checklist = kiosk.frameLocator('iframe[data-testid="checklist-print"]');
  await expect(checklist.locator('.title')).toHaveText('办事材料清单');
  await expect(checklist.locator('.item')).toHaveText('最低生活保障申请');
  expect(await checklist.locator('li').count()).toBeGreaterThan(2);

  await take.click();
  await expect(kiosk.getByTestId('kiosk-ticket-number')).toHaveText('B001');
  await screenshot(kiosk, 'kiosk-portrait-ticket');
  await expectInViewport(kiosk, kiosk.getByTestId('kiosk-ticket-number'), 'ticket number');

  for (const size of [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }]) {
    await kiosk.setViewportSize(size);
    await kiosk.getByTestId('kiosk-done').click();
    await expect(kiosk.getByTestId('kiosk-category-A')).toBeEnabled();
    await screenshot(kiosk, `kiosk-landscape-${size.width}x${size.height}`);
    for (const id of startParts) await expectInViewport(kiosk, kiosk.getByTestId(id), `${id} at ${size.width}×${size.height}`);
    expect((await smallestTarget(kiosk.locator('.kiosk button'))).height).toBeGreaterThanOrEqual(60);
    await kiosk.getByTestId('kiosk-category-C').click();
    await expectInViewport(kiosk, kiosk.getByTestId('kiosk-done'), `done at ${size.width}×${size.height}`);
  }
  await kiosk.context().close();
});

test('display in a browser that blocks sound: calls shown undimmed, hall name visible, a thin notice with the launch line', async ({ host, browser }) => {
  const display = await openTerminal(browser, host, 'display', { width: 1920, height: 1080 }, { init: blockAutoplayUntilGesture });
  const notice = display.getByTestId('display-sound-notice');
  await expect(notice).toBeVisible();
  await expect(display.getByTestId('display-launch-line')).toHaveText(`chromium --autoplay-policy=no-user-gesture-required --kiosk ${host.base}/display`);

  const { clerk, windowId } = await clerkAtWindow1(host);
  await host.api('POST', '/queue/tickets', clerk, { categoryCode: 'A' });
  await host.api('POST', `/windows/${windowId}/call-next`, clerk, {});
  await expect(display.getByTestId('display-call').first()).toHaveAttribute('data-number', 'A001');
  await screenshot(display, 'display-browser-notice');

  // Nothing covers the screen: the hall's name and the call are what is drawn at their centres.
  for (const id of ['display-calling', 'display-recent', 'display-waiting']) await expectInViewport(display, display.getByTestId(id), id);
  const hall = display.locator('.display-hall');
  await expectInViewport(display, hall, 'hall name');
  for (const target of [hall, display.getByTestId('display-call').first().locator('.call-number')]) {
    const covered = await target.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return !(top && (el === top || el.contains(top)));
    });
    expect(covered).toBe(false);
  }
  const [noticeBox, hallBox] = [(await notice.boundingBox())!, (await hall.boundingBox())!];
  expect(noticeBox.y).toBeGreaterThanOrEqual(hallBox.y + hallBox.height);
  expect(noticeBox.height).toBeLessThan(1080 * 0.08);
  expect(await display.locator('.display-screen').evaluate((el) => getComputedStyle(el).opacity)).toBe('1');

  // A key of the remote is enough: the notice goes and the waiting call is said.
  await display.keyboard.press('Enter');
  await expect(notice).toBeHidden();
  await expect.poll(() => display.evaluate(() => (window as unknown as { __hallVoice?: { spoken: string[] } }).__hallVoice?.spoken.length ?? 0)).toBeGreaterThan(0);
  await display.context().close();
});

test('rating pad 1280×800: the level, then 效率/水平/态度 once each, submit on screen', async ({ host, browser }) => {
  const pad = await openTerminal(browser, host, 'rating', { width: 1280, height: 800 });
  await expect(pad.getByTestId('rating-idle')).toBeVisible();
  const { clerk, windowId } = await clerkAtWindow1(host);
  const ticket = await host.api('POST', '/queue/tickets', clerk, { categoryCode: 'A' });
  await host.api('POST', `/windows/${windowId}/call-next`, clerk, {});
  await host.api('POST', `/queue/tickets/${ticket.id}/start`, clerk, {});
  await host.api('POST', `/queue/tickets/${ticket.id}/complete`, clerk, {});
  await expect(pad.getByTestId('rating-ask')).toBeVisible();
  await pad.getByTestId('rating-level-4').click();
  await screenshot(pad, 'rating-pad');
  await expect(pad.locator('[data-testid^="rating-indicator-overall-"]')).toHaveCount(0);
  for (const indicator of ['efficiency', 'skill', 'attitude']) await expect(pad.locator(`[data-testid^="rating-indicator-${indicator}-"]`)).toHaveCount(5);
  for (const id of ['rating-level-5', 'rating-level-1', 'rating-indicator-attitude-5', 'rating-submit']) await expectInViewport(pad, pad.getByTestId(id), id);
  expect((await smallestTarget(pad.locator('.rating-ask button'))).height).toBeGreaterThanOrEqual(60);
  await pad.context().close();
});

test('guide page on a phone 390×844: the item, where to take a ticket and how many wait, print', async ({ host, browser }) => {
  const items = await host.api('GET', `/items?q=${encodeURIComponent('低保申请')}`, null);
  const phone = await openPage(browser, host, `/guide#${items[0].code}`, { width: 390, height: 844 });
  await expect(phone.getByTestId('guide-item')).toBeVisible();
  await expect(phone.getByTestId('guide-ticket-where')).toContainText('民政事务');
  await expect(phone.getByTestId('guide-queue-B')).toContainText('等候 0 人');
  await screenshot(phone, 'guide-phone');
  await expectInViewport(phone, phone.locator('.kiosk-inner-nav .kiosk-title'), 'item name');
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await phone.emulateMedia({ media: 'print' });
  await expect(phone.getByTestId('guide-print-checklist')).toBeHidden();
  await expect(phone.locator('.guide-materials li').first()).toBeVisible();
  await phone.context().close();
});
