// The lead's home warns of bad-rating work orders as it warns of cases: a step owed past its day makes
// the red card count it and lists the order first with a red 已超期 badge; a quiet day leaves both cards
// at 0 (grey through their data-count) and says so. Rendered to HTML as the browser gets it.
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../resources/locales/en.json';
import zhCN from '../../resources/locales/zh-CN.json';
import type { WorkOrderView } from '../../electron/contract/work-orders.js';
import { HomeWorkOrdersView } from '../../renderer/staff/work-orders/home-work-orders';

const order = (id: number, over: Partial<WorkOrderView>): WorkOrderView => ({
  id,
  ratingId: id,
  level: 1,
  comment: null,
  channel: 'pad',
  ratedAt: '2026-11-20T02:00:00.000Z',
  ticketNumber: `A00${id}`,
  caseNo: null,
  stage: null,
  windowNumber: 3,
  clerkName: '王芳',
  assigneeName: '周敏',
  realName: false,
  state: 'open',
  openedAt: '2026-11-20T02:00:00.000Z',
  callbackDue: '2026-11-23',
  rectifyDue: '2026-11-27',
  warning: 'none',
  callback: null,
  rectification: null,
  closed: null,
  followup: null,
  appeal: null,
  ...over,
});

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng: 'zh-CN', initAsync: false, interpolation: { escapeValue: false } });
});

const render = (orders: WorkOrderView[] | null) => renderToString(createElement(HomeWorkOrdersView, { orders, failed: false }));
const card = (html: string, level: 'red' | 'yellow') => new RegExp(`<a class="home-warning limit-${level}"[^>]*data-count="(\\d*)"`).exec(html)?.[1];

describe("the lead's home: work orders past their day", () => {
  it('counts an overdue order on the red card and lists it first, red, before one due today', () => {
    const html = render([
      order(7, { warning: 'yellow', state: 'called-back', rectifyDue: '2026-11-30' }),
      order(4, { warning: 'red', callbackDue: '2026-11-24' }),
      order(9, { warning: 'none' }),
    ]);
    expect(card(html, 'red')).toBe('1');
    expect(card(html, 'yellow')).toBe('1');
    const items = [...html.matchAll(/<li data-testid="home-order-(\d+)"><span class="limit-badge limit-(\w+)">([^<]+)<\/span>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(items).toEqual([
      ['4', 'red', '已超期'],
      ['7', 'yellow', '今日到期'],
    ]);
    expect(html).toContain('2026-11-24');
    expect(html).not.toContain('home-order-9');
  });

  it('a quiet day: both cards at 0 and the sentence that nothing is due', () => {
    const html = render([order(9, {})]);
    expect(card(html, 'red')).toBe('0');
    expect(card(html, 'yellow')).toBe('0');
    expect(html).toContain('没有超期或今日到期的工单（未办结 1 件）');
  });

  it('while loading, the cards show no count rather than 0', () => {
    expect(card(render(null), 'red')).toBe('');
  });
});
