// The login screen says why the last session ended, in the page's language; not after a plain logout.
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../resources/locales/en.json';
import zhCN from '../../resources/locales/zh-CN.json';
import type { ApiClient } from '../../renderer/shared/api-client';
import type { SignOutReason } from '../../renderer/shared/session-store';
import { LoginScreen } from '../../renderer/staff/login-screen';

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng: 'zh-CN', initAsync: false, interpolation: { escapeValue: false } });
});

const render = (endedBecause: SignOutReason | null) =>
  renderToString(createElement(LoginScreen, { api: {} as ApiClient, health: { status: 'loading' }, hallName: 'hall', endedBecause, onLogin: () => undefined }));

describe('login screen after a session ended', () => {
  it('says why, in Chinese first and in English', async () => {
    await i18next.changeLanguage('zh-CN');
    expect(render('user_disabled')).toContain('您的账号已被管理员停用');
    expect(render('token_expired')).toContain('登录已过期');
    await i18next.changeLanguage('en');
    expect(render('role_changed')).toContain('The administrator changed your role');
    await i18next.changeLanguage('zh-CN');
  });

  it('says nothing after this page\'s own logout or on a first visit', () => {
    expect(render('logout')).not.toContain('session-ended');
    expect(render(null)).not.toContain('session-ended');
    expect(render('logged_out')).toContain('session-ended');
  });
});
