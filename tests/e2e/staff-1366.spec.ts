// Every staff screen at 1366×768, the office PC's screen, in zh-CN and en: each is screenshot to
// test-results/screens/ and its main action must be inside the viewport without scrolling, with no
// button or column heading clipped (text cut off without a title to read it whole).
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { ADMIN_PASSWORD, expect, signIn, test, type Host } from './host.js';

const SCREENS_DIR = path.resolve(import.meta.dirname, '../../test-results/screens');
const VIEWPORT = { width: 1366, height: 768 };
type Lang = 'zh-CN' | 'en';
const LOCALES: Record<Lang, any> = {
  'zh-CN': JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../resources/locales/zh-CN.json'), 'utf8')),
  en: JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../resources/locales/en.json'), 'utf8')),
};
const text = (lang: Lang, key: string): string => key.split('.').reduce((node, part) => node?.[part], LOCALES[lang]) as string;

/** The element is drawn wholly inside the 1366×768 viewport, as the page first shows it. */
async function expectInViewport(target: Locator, what: string): Promise<void> {
  await expect(target, what).toBeVisible();
  const box = await target.boundingBox();
  expect(box, what).not.toBeNull();
  const inside = box!.x >= 0 && box!.y >= 0 && box!.x + box!.width <= VIEWPORT.width + 0.5 && box!.y + box!.height <= VIEWPORT.height + 0.5;
  expect({ what, box, inside }).toEqual({ what, box, inside: true });
}

/** Visible buttons, links styled as buttons and column headings whose text is cut off with no title. */
async function clippedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('main button, main a.button, main th, main .ag-header-cell-text'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.bottom < 0 || r.top > window.innerHeight) continue;
      if (el.closest('[title]')) continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(el.innerText.trim());
    }
    return out.filter(Boolean);
  });
}

async function shoot(page: Page, lang: Lang, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}-${lang}.png`) });
  expect(await clippedTexts(page), `${name} (${lang}) clipped`).toEqual([]);
}

async function open(page: Page, host: Host, hash: string, ready: Locator): Promise<void> {
  await page.goto(`${host.base}/#${hash}`);
  await expect(ready).toBeVisible();
}

for (const lang of ['zh-CN', 'en'] as const) {
  test(`the clerk's screens at 1366×768 (${lang})`, async ({ host, browser }) => {
    const L = (key: string) => text(lang, key);
    const admin = (await host.api('POST', '/auth/login', null, { username: 'admin', password: ADMIN_PASSWORD })).token;
    const kioskToken = /\/kiosk#pair=(\S+)/.exec(host.stdout)![1]!;
    const window1 = (await host.api('GET', '/windows', admin)).find((w: { number: number }) => w.number === 1);
    const items = await host.api('GET', '/items?category=A', admin);
    const context = await browser.newContext({ viewport: VIEWPORT, locale: lang });
    const page = await context.newPage();

    // The clerk: home, the counter while serving, the intake of that ticket, the case list and a case.
    await signIn(page, host, 'clerk1', 'demo1234', lang);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await shoot(page, lang, 'home-clerk');
    const ticket = await host.api('POST', '/queue/tickets', kioskToken, { categoryCode: 'A' });
    await open(page, host, '/counter', page.getByTestId('counter-window-select'));
    await shoot(page, lang, 'counter-choose');
    await page.getByTestId('counter-window-select').selectOption(String(window1.id));
    await page.getByTestId('counter-sign-in').click();
    await page.getByTestId('counter-call-next').click();
    await expect(page.getByTestId('counter-current-number')).toHaveText(ticket.number);
    await page.getByTestId('counter-start').click();
    await expect(page.getByTestId('counter-current')).toHaveAttribute('data-status', 'serving');
    await page.getByTestId('counter-handled-search').fill(items[0].name.slice(0, 4));
    await page.getByTestId(`counter-handled-option-${items[0].code}`).click();
    await expect(page.getByTestId('counter-handled-item')).toHaveCount(1);
    await shoot(page, lang, 'counter-serving');
    await expectInViewport(page.getByTestId('counter-complete'), 'counter 完成');
    await expectInViewport(page.getByTestId('counter-transfer'), 'counter 转移');
    await expectInViewport(page.getByTestId('counter-intake'), 'counter 受理办件');

    // 前台受理 from the menu while serving: linked to the ticket, the picker on category A's items.
    await page.getByTestId('main-nav').getByRole('link', { name: L('nav.intake') }).click();
    await expect(page.getByTestId('intake-screen')).toHaveAttribute('data-ticket-id', String(ticket.id));
    await expect(page.getByTestId('intake-item-scope')).toHaveAttribute('data-scope', 'category');
    await expect(page.getByTestId(`intake-item-option-${items[0].code}`)).toBeVisible();
    await shoot(page, lang, 'intake-picker');
    await expectInViewport(page.getByTestId('intake-item-search'), 'intake item search');
    await page.getByTestId(`intake-item-option-${items[0].code}`).click();
    await expect(page.getByTestId('intake-item-name')).toHaveText(items[0].name);
    await shoot(page, lang, 'intake-form');

    const created = await host.api('POST', '/cases', (await host.api('POST', '/auth/login', null, { username: 'clerk2', password: 'demo1234' })).token, {
      itemCode: items[0].code,
      applicant: { kind: 'person', name: '王芳', idType: 'resident_id', idNumber: '11010519491231002X', mobile: '13812345678' },
      materials: [],
      channel: 'window',
    });
    await open(page, host, '/cases', page.getByTestId('cases-total'));
    await shoot(page, lang, 'case-list');
    await open(page, host, `/cases/${created.id}`, page.getByTestId('case-detail'));
    await shoot(page, lang, 'case-detail');
    await expectInViewport(page.getByTestId('case-actions').getByRole('button').first(), 'case detail action');

    // Back at the counter, 本次办理事项 stays filled; finishing is one click away.
    await open(page, host, '/counter', page.getByTestId('counter-complete'));
    await expectInViewport(page.getByTestId('counter-complete'), 'counter 完成 after intake');
    await context.close();
  });

  test(`the other roles' homes at 1366×768 (${lang})`, async ({ host, browser }) => {
    for (const [username, role] of [['back1', 'backoffice'], ['lead1', 'supervisor'], ['agent1', 'agent']] as const) {
      const other = await browser.newContext({ viewport: VIEWPORT, locale: lang });
      const p = await other.newPage();
      await signIn(p, host, username, 'demo1234', lang);
      await shoot(p, lang, `home-${role}`);
      if (role === 'backoffice') {
        await open(p, host, '/cases', p.getByTestId('cases-total'));
        await shoot(p, lang, 'case-list-backoffice');
      }
      await other.close();
    }
  });

  test(`the admin's screens at 1366×768 (${lang})`, async ({ host, browser }) => {
    const L = (key: string) => text(lang, key);
    const adminContext = await browser.newContext({ viewport: VIEWPORT, locale: lang });
    const a = await adminContext.newPage();
    await signIn(a, host, 'admin', ADMIN_PASSWORD, lang);
    await shoot(a, lang, 'home-admin');
    const mainAction: Array<[name: string, hash: string, action: () => Locator]> = [
      ['users', '/admin/users', () => a.getByRole('button', { name: L('users.create') })],
      ['devices', '/admin/devices', () => a.getByRole('button', { name: L('devices.create') })],
      ['queue', '/admin/queue', () => a.getByTestId('queue-tab-settings')],
      // The first row's 编辑 (the rows loaded); its name reads whole or by its title.
      ['catalog', '/admin/catalog', () => a.getByRole('button', { name: L('common.edit') }).first()],
      ['calendar', '/admin/calendar', () => a.getByTestId('cal-year')],
      ['audit', '/admin/audit', () => a.getByTestId('audit-verify')],
      ['sync', '/admin/sync', () => a.getByTestId('sync-screen').getByRole('button').first()],
    ];
    for (const [name, hash, action] of mainAction) {
      await open(a, host, hash, action());
      await shoot(a, lang, name);
      await expectInViewport(action(), name);
    }
    for (const tab of ['windows', 'settings', 'hall'] as const) {
      await open(a, host, '/admin/queue', a.getByTestId(`queue-tab-${tab}`));
      await a.getByTestId(`queue-tab-${tab}`).click();
      await shoot(a, lang, `queue-${tab}`);
    }
    await expectInViewport(a.getByTestId('hall-settings-save'), 'hall settings save');
    await adminContext.close();
  });
}
