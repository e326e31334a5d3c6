import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CREDENTIAL_END_REASONS } from '../../electron/contract/events.js';
import { ApiError, parseErrorResponse } from '../../renderer/shared/api-error';
import { credentialEndFromClose, credentialEndFromError, STAFF_END_MESSAGES, TERMINAL_END_MESSAGES } from '../../renderer/shared/credential-end';

describe('what a closed events socket means', () => {
  it('reads the reason of a 4401 close, any unknown reason as unauthorized', () => {
    for (const reason of CREDENTIAL_END_REASONS) expect(credentialEndFromClose(4401, reason)).toBe(reason);
    expect(credentialEndFromClose(4401, '')).toBe('unauthorized');
    expect(credentialEndFromClose(4401, 'toString')).toBe('unauthorized');
  });

  it('takes any other close for a dropped line (reconnect)', () => {
    for (const code of [1000, 1001, 1005, 1006, 1011, 4000, 4403]) expect(credentialEndFromClose(code, 'token_revoked')).toBeNull();
  });
});

describe('what a 401 means', () => {
  it('reads details.reason of the host\'s error', () => {
    const revoked = parseErrorResponse(401, { error: { code: 'unauthorized', message: '凭证已失效', details: { reason: 'token_revoked' } } });
    const expired = parseErrorResponse(401, { error: { code: 'unauthorized', message: '登录已过期', details: { reason: 'token_expired' } } });
    expect(credentialEndFromError(revoked)).toBe('token_revoked');
    expect(credentialEndFromError(expired)).toBe('token_expired');
  });

  it('falls back to unauthorized for anything else', () => {
    expect(credentialEndFromError(parseErrorResponse(401, { error: { code: 'unauthorized', message: '请先登录' } }))).toBe('unauthorized');
    expect(credentialEndFromError(new ApiError(401, 'unauthorized', '', [], { reason: 'made_up' }))).toBe('unauthorized');
    expect(credentialEndFromError(new Error('x'))).toBe('unauthorized');
  });
});

describe('what the user is told', () => {
  const locales = ['zh-CN', 'en'].map((lng) => JSON.parse(readFileSync(`resources/locales/${lng}.json`, 'utf8')) as Record<string, unknown>);
  const lookup = (tree: Record<string, unknown>, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

  it('has a sentence for every reason, in every locale, staff and terminal alike', () => {
    for (const reason of CREDENTIAL_END_REASONS) {
      for (const locale of locales) {
        expect(typeof lookup(locale, STAFF_END_MESSAGES[reason])).toBe('string');
        expect(typeof lookup(locale, TERMINAL_END_MESSAGES[reason])).toBe('string');
      }
    }
  });

  it('tells the staff member each way apart', () => {
    expect(new Set(Object.values(STAFF_END_MESSAGES)).size).toBe(CREDENTIAL_END_REASONS.length);
  });
});
