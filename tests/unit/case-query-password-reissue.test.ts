// 补发查询密码 on the case detail: the button only for the clerk (the one role the host allows), and
// the printed slip with the case number and the new password, escaped, in both languages.
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../resources/locales/en.json';
import zhCN from '../../resources/locales/zh-CN.json';
import type { CasesApi } from '../../renderer/staff/cases/cases-api';
import { passwordSlipHtml, QueryPasswordReissue } from '../../renderer/staff/cases/query-password-reissue';

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng: 'zh-CN', initAsync: false, interpolation: { escapeValue: false } });
});

const cases = {} as CasesApi;
const render = (role: 'clerk' | 'backoffice' | 'supervisor' | 'admin') => renderToString(createElement(QueryPasswordReissue, { caseId: 1, role, cases }));

describe('query password reissue', () => {
  it('offers 补发查询密码 to the clerk only', () => {
    expect(render('clerk')).toContain('补发查询密码');
    for (const role of ['backoffice', 'supervisor', 'admin'] as const) expect(render(role)).toBe('');
  });

  it('prints a slip with the case number and the new password, escaped, in Chinese and English', () => {
    const t = (key: string, options?: Record<string, unknown>) => i18next.t(key, { ...options, lng: 'zh-CN' });
    const zh = passwordSlipHtml(t, 'zh-CN', '3207031042026030200<1>', '123456');
    expect(zh).toContain('办件查询密码');
    expect(zh).toContain('3207031042026030200&lt;1&gt;');
    expect(zh).toContain('<p class="pw">123456</p>');
    expect(zh).toContain('此前的查询密码已失效');
    const english = passwordSlipHtml((key) => i18next.t(key, { lng: 'en' }), 'en', '1', '654321');
    expect(english).toContain('Case Query Password');
    expect(english).toContain('654321');
    expect(english).not.toContain('{{');
  });
});
