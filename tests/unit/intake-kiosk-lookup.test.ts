import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '../../electron/contract/cases.js';
import en from '../../resources/locales/en.json';
import zhCN from '../../resources/locales/zh-CN.json';
import { digitsOnly, lookupFailure, lookupReady, pressLookupKey, statusLabelKey, statusNextKey } from '../../renderer/kiosk/lookup-model';
import { ApiError } from '../../renderer/shared/api-error';

describe('kiosk lookup keypad', () => {
  it('types digits up to the field length, deletes and clears', () => {
    expect(pressLookupKey('12345', '6', 'password')).toBe('123456');
    expect(pressLookupKey('123456', '7', 'password')).toBe('123456');
    expect(pressLookupKey('12', 'back', 'caseNo')).toBe('1');
    expect(pressLookupKey('12', 'clear', 'caseNo')).toBe('');
    expect(pressLookupKey('1'.repeat(24), '2', 'caseNo')).toBe('1'.repeat(24));
  });
  it('keeps only digits of what is typed or pasted', () => {
    expect(digitsOnly(' 350102 20260302-0001 ', 'caseNo')).toBe('350102202603020001');
    expect(digitsOnly('12a34567', 'password')).toBe('123456');
  });
  it('sends only a whole case number and a 6-digit password', () => {
    expect(lookupReady('350102202603020001', '123456')).toBe(true);
    expect(lookupReady('35010220260302001', '123456')).toBe(false);
    expect(lookupReady('350102202603020001', '12345')).toBe(false);
  });
});

describe('kiosk lookup answers', () => {
  it('reads a wrong number or password alike, and tells a busy host from a lockout', () => {
    expect(lookupFailure(new ApiError(404, 'not_found', ''))).toBe('wrong');
    expect(lookupFailure(new ApiError(429, 'rate_limited', ''))).toBe('rateLimited');
    expect(lookupFailure(new ApiError(0, 'unreachable', ''))).toBe('unreachable');
    // Too many checks at once: the host's own words, not "the connection is down".
    expect(lookupFailure(new ApiError(503, 'unavailable', ''))).toBe('other');
    expect(lookupFailure(new Error('x'))).toBe('other');
  });

  it('has a plain label and a next step for every case status in both languages', async () => {
    for (const [lng, translation] of [['zh-CN', zhCN], ['en', en]] as const) {
      const i18n = i18next.createInstance();
      await i18n.init({ lng, resources: { [lng]: { translation } } });
      for (const status of CASE_STATUSES) {
        expect(i18n.exists(statusLabelKey(status)), `${lng} ${status}`).toBe(true);
        expect(i18n.exists(statusNextKey(status)), `${lng} ${status}`).toBe(true);
      }
    }
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN } } });
    expect(['received', 'correction', 'accepted', 'in_review'].map((s) => i18n.t(statusLabelKey(s as never)))).toEqual(['已收件', '待补正', '已受理', '审查中']);
  });
});
