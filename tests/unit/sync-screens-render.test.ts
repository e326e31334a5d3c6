// The upload screens render real text in both languages (no raw keys), from a status like the host's.
import i18next from 'i18next';
import { createElement, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import en from '../../resources/locales/en.json';
import zhCN from '../../resources/locales/zh-CN.json';
import type { SyncStatus } from '../../electron/contract/sync.js';
import { StaffContext, type StaffContextValue } from '../../renderer/staff/staff-context';
import { RejectedList } from '../../renderer/staff/sync/rejected-list';
import { SyncBanner } from '../../renderer/staff/sync/sync-banner';
import { SyncOverview } from '../../renderer/staff/sync/sync-overview';
import { handleSyncEvent, resetSyncStore } from '../../renderer/staff/sync/sync-store';

const STATUS: SyncStatus = {
  configured: true,
  running: false,
  counts: { pending: 12, sending: 0, done: 340, rejected: 1 },
  heldBehindRejected: 2,
  oldestPendingAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
  lastSuccessAt: null,
  lastAttemptAt: new Date().toISOString(),
  lastError: { code: 'timeout', detail: null, at: new Date().toISOString() },
  paused: false,
  failingSince: new Date(Date.now() - 95 * 60_000).toISOString(),
  alert: true,
  decisions: { received: 3, applied: 0, pendingApply: 3 },
  rejected: [{ recordId: 'rec-1', kind: 'case-event', caseNo: 'C0001', reason: '事项编码不存在', at: new Date().toISOString() }],
};

const context = (role: 'admin' | 'clerk') =>
  ({ api: {} as StaffContextValue['api'], session: { token: 't', user: { id: 1, username: role, role, displayName: role } }, hallName: 'hall', hostUrl: 'http://h' }) as unknown as StaffContextValue;

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng: 'zh-CN', initAsync: false, interpolation: { escapeValue: false } });
});
afterEach(() => resetSyncStore());

const render = (role: 'admin' | 'clerk', ...children: ReactElement[]) => renderToString(createElement(StaffContext.Provider, { value: context(role) }, ...children));

describe('upload screens', () => {
  for (const lng of ['zh-CN', 'en']) {
    it(`render the overview and the rejected list in ${lng}`, async () => {
      await i18next.changeLanguage(lng);
      const html = render(
        'admin',
        createElement(SyncOverview, { status: STATUS, now: new Date() }),
        createElement(RejectedList, { rows: STATUS.rejected, total: 1, canResend: true, busyId: null, onResend: () => undefined }),
      );
      expect(html).not.toMatch(/sync\.[a-zA-Z]/);
      expect(html).toContain('事项编码不存在');
      expect(html).toContain(lng === 'en' ? 'Send again' : '重新发送');
      expect(html).toContain(lng === 'en' ? '3 h' : '3 小时');
    });
  }

  it('shows the banner to an operator when the status says alert, and never to a clerk', async () => {
    await i18next.changeLanguage('zh-CN');
    expect(render('admin', createElement(SyncBanner))).toBe('');
    handleSyncEvent({ seq: 1, type: 'sync.status', at: 'x', data: { ...STATUS, rejected: undefined } });
    const html = render('admin', createElement(SyncBanner));
    expect(html).toContain('数据上报已失败 1 小时 35 分钟');
    expect(html).toContain('#/admin/sync');
    expect(render('clerk', createElement(SyncBanner))).toBe('');
  });
});
