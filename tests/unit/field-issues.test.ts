import { describe, expect, it } from 'vitest';
import { CreateUserRequest } from '../../electron/contract/api.js';
import { describeIssue, fieldIssues } from '../../electron/contract/field-issues.js';

describe('fieldIssues', () => {
  it('tells a missing field from a wrong one', () => {
    const input = { username: 5, password: 'long-enough', displayName: 'x', role: 'clerk' };
    const r = CreateUserRequest.safeParse(input);
    expect(r.success).toBe(false);
    expect(fieldIssues(r.error!, input)).toEqual([{ field: 'username', code: 'invalid_type', params: { expected: 'string' } }]);
    const missing = { password: 'long-enough', displayName: 'x', role: 'clerk' };
    expect(fieldIssues(CreateUserRequest.safeParse(missing).error!, missing)).toEqual([{ field: 'username', code: 'required' }]);
  });

  it('formats with the field label and the reason', () => {
    const t = (key: string, o: Record<string, unknown>) => (key === 'validation._format' ? `${o.field}|${o.reason}` : `${key}${o.min ?? ''}`);
    expect(describeIssue(t, { field: 'applicant.name', code: 'too_short', params: { min: 1 } })).toBe('fields.name|validation.too_short1');
  });
});
