// Opening the demo's paired terminals (kiosk, display, rating pad) and the public guide in their
// own browser contexts, and the checks the citizen-facing screens share: inside the viewport, large
// enough to read and to touch.
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, type Host } from './host.js';

export interface Viewport {
  width: number;
  height: number;
}

/** The demo's pairing code of a terminal page, from the host's start-up output. */
export function pairingCode(host: Host, page: 'kiosk' | 'display' | 'rating'): string {
  const match = new RegExp(`/${page}#pair=(\\S+)`).exec(host.stdout);
  if (!match) throw new Error(`no ${page} pairing link in the host's output`);
  return match[1]!;
}

export interface OpenOptions {
  lang?: 'zh-CN' | 'en';
  /** A script run before the page's own (emulating the browser's policies). */
  init?: () => void;
}

/** A new context at `viewport` opening `path` (a terminal's pairing link or a public page). */
export async function openPage(browser: Browser, host: Host, path: string, viewport: Viewport, options: OpenOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport });
  if (options.lang) await context.addInitScript((l) => localStorage.setItem('hall.lang', l), options.lang);
  if (options.init) await context.addInitScript(options.init);
  const page = await context.newPage();
  await page.goto(host.base + path);
  return page;
}

export function openTerminal(browser: Browser, host: Host, role: 'kiosk' | 'display' | 'rating', viewport: Viewport, options: OpenOptions = {}): Promise<Page> {
  return openPage(browser, host, `/${role}#pair=${pairingCode(host, role)}`, viewport, options);
}

/**
 * A browser's autoplay policy as a plain Chromium applies it (headless Chromium under Playwright lets
 * every page play and counts the page as activated from the start): audio stays suspended, and the
 * page not activated, until the first real click or key on it.
 */
export function blockAutoplayUntilGesture(): void {
  let gesture = false;
  for (const name of ['pointerdown', 'keydown']) {
    window.addEventListener(name, (event) => {
      if (event.isTrusted) gesture = true;
    }, { capture: true });
  }
  const activation = { get hasBeenActive() { return gesture; }, get isActive() { return gesture; } };
  Object.defineProperty(Navigator.prototype, 'userActivation', { configurable: true, get: () => activation });
  const activated = () => gesture;
  const state = Object.getOwnPropertyDescriptor(BaseAudioContext.prototype, 'state')!.get!;
  Object.defineProperty(BaseAudioContext.prototype, 'state', {
    configurable: true,
    get(this: BaseAudioContext) {
      return activated() ? state.call(this) : 'suspended';
    },
  });
  const resume = AudioContext.prototype.resume;
  AudioContext.prototype.resume = function (this: AudioContext) {
    return activated() ? resume.call(this) : new Promise<void>(() => undefined);
  };
}

/** The element is drawn wholly inside the viewport (no scrolling needed to see it). */
export async function expectInViewport(page: Page, locator: Locator, what: string): Promise<void> {
  await expect(locator, what).toBeVisible();
  const box = await locator.boundingBox();
  const size = page.viewportSize()!;
  expect(box, what).not.toBeNull();
  expect(box!.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box!.y, `${what}: top edge`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what}: right edge`).toBeLessThanOrEqual(size.width + 0.5);
  expect(box!.y + box!.height, `${what}: bottom edge`).toBeLessThanOrEqual(size.height + 0.5);
}

/** The smallest computed font size among the locator's elements, in px. */
export async function smallestFontPx(locator: Locator): Promise<number> {
  const sizes = await locator.evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
  expect(sizes.length).toBeGreaterThan(0);
  return Math.min(...sizes);
}

/** The smallest width and height among the locator's elements (touch targets), in px. */
export async function smallestTarget(locator: Locator): Promise<{ width: number; height: number }> {
  const boxes = await locator.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()));
  expect(boxes.length).toBeGreaterThan(0);
  return { width: Math.min(...boxes.map((b) => b.width)), height: Math.min(...boxes.map((b) => b.height)) };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png` });
}
