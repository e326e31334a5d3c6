// The case detail's note on a locked kiosk lookup: what it says in both languages, and who is shown it.
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../resources/locales/en.json';
import zhCN from '../../resources/locales/zh-CN.json';
import { LOOKUP_LOCK_ROLES, LookupLockView } from '../../renderer/staff/cases/lookup-lock-note';

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng: 'zh-CN', initAsync: false, interpolation: { escapeValue: false } });
});

const lock = { caseId: 7, caseNo: '320703104202603020001', failures: 5, lockedUntil: '2026-03-02T03:00:00.000Z' };
const render = (problem: string | null = null) => renderToString(createElement(LookupLockView, { lock, busy: false, problem, onLift: () => undefined }));

describe('lookup lock note', () => {
  it('says how many wrong passwords and offers 解除锁定, in Chinese first and in English', async () => {
    await i18next.changeLanguage('zh-CN');
    const zh = render();
    expect(zh).toContain('查询密码连续错误 5 次');
    expect(zh).toContain('解除锁定');
    expect(zh).not.toContain('{{');
    await i18next.changeLanguage('en');
    const english = render('The host is busy');
    expect(english).toContain('5 wrong query passwords');
    expect(english).toContain('Unlock');
    expect(english).toContain('The host is busy');
    await i18next.changeLanguage('zh-CN');
  });

  it('is for the roles the host lets see and lift locks', () => {
    expect([...LOOKUP_LOCK_ROLES].sort()).toEqual(['admin', 'clerk', 'supervisor']);
  });
});
