import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { CreateUserRequest } from '../../electron/contract/api.js';
import { fieldIssues } from '../../electron/contract/field-issues.js';
import zhCN from '../../resources/locales/zh-CN.json';
import { ApiError } from '../../renderer/shared/api-error';
import { fieldForIssue, formErrorsFrom, formErrorsFromIssues } from '../../renderer/shared/form-errors';
import { asTranslate, type Translate } from '../../renderer/shared/translate';

let t: Translate;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN } }, interpolation: { escapeValue: false } });
  t = asTranslate(i18n.t);
});

const FIELDS = ['username', 'displayName', 'password', 'role'];

describe('fieldForIssue', () => {
  it('matches the whole path, its last part, or its first part', () => {
    expect(fieldForIssue({ field: 'username', code: 'required' }, FIELDS)).toBe('username');
    expect(fieldForIssue({ field: 'user.displayName', code: 'required' }, FIELDS)).toBe('displayName');
    expect(fieldForIssue({ field: 'role.0', code: 'invalid' }, FIELDS)).toBe('role');
    expect(fieldForIssue({ field: 'phone', code: 'required' }, FIELDS)).toBeNull();
    expect(fieldForIssue({ field: '', code: 'invalid' }, FIELDS)).toBeNull();
  });
});

describe('formErrorsFrom', () => {
  it('puts a 400\'s issues under their fields, in the page language', () => {
    const error = new ApiError(400, 'validation', 'x', [
      { field: 'username', code: 'too_short', params: { min: 3 } },
      { field: 'password', code: 'required' },
    ]);
    expect(formErrorsFrom(t, error, FIELDS)).toEqual({
      fields: { username: '用户名：至少需要 3 个字符', password: '密码：必须填写' },
      general: ['输入有误'],
    });
  });

  it('keeps issues for fields the form does not have above the form', () => {
    const errors = formErrorsFromIssues(t, [{ field: 'extra', code: 'unknown_field' }], FIELDS);
    expect(errors.fields).toEqual({});
    expect(errors.general).toEqual(['extra：不认识的字段']);
  });

  it('shows a conflict under its field with the host\'s sentence on top', () => {
    const error = new ApiError(409, 'conflict', '用户名“li”已被使用', [{ field: 'username', code: 'taken' }]);
    expect(formErrorsFrom(t, error, FIELDS)).toEqual({ fields: { username: '用户名：已被使用' }, general: ['用户名“li”已被使用'] });
  });

  it('shows an error without field issues as one sentence', () => {
    expect(formErrorsFrom(t, new ApiError(0, 'unreachable', ''), FIELDS)).toEqual({ fields: {}, general: ['无法连接到服务主机'] });
  });

  it('formats the contract schema\'s own issues the same way before sending', () => {
    const input = { username: 'ab', displayName: '', password: 'short', role: 'clerk' };
    const parsed = CreateUserRequest.safeParse(input);
    expect(parsed.success).toBe(false);
    const errors = formErrorsFromIssues(t, fieldIssues(parsed.error!, input), FIELDS);
    expect(Object.keys(errors.fields).sort()).toEqual(['displayName', 'password', 'username']);
    expect(errors.fields.password).toBe('密码：至少需要 8 个字符');
  });
});

describe('empty boxes', () => {
  it('says "required" rather than "at least 1 character"', () => {
    const errors = formErrorsFromIssues(t, [{ field: 'displayName', code: 'too_short', params: { min: 1 } }], FIELDS);
    expect(errors.fields.displayName).toBe('姓名：必须填写');
  });
});
