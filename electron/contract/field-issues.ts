// Turns zod's issues into the hall's field issues, and field issues into a sentence a clerk can read.
// The host uses it for the 400 message, the renderer for the error under each form field.
import type { z } from 'zod';
import type { FieldIssue } from './api.js';

export type Translate = (key: string, options: Record<string, unknown>) => string;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function issueFrom(issue: z.core.$ZodIssue, input: unknown): FieldIssue[] {
  const field = issue.path.map(String).join('.');
  const reason = (issue as { params?: { reason?: string } }).params?.reason;
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(input, issue.path) === undefined) return [{ field, code: 'required' }];
      return [{ field, code: 'invalid_type', params: { expected: String(issue.expected) } }];
    case 'too_small':
      return [
        {
          field,
          code: issue.origin === 'string' ? 'too_short' : 'too_small',
          params: { min: Number(issue.minimum) },
        },
      ];
    case 'too_big':
      return [
        {
          field,
          code: issue.origin === 'string' ? 'too_long' : 'too_big',
          params: { max: Number(issue.maximum) },
        },
      ];
    case 'invalid_value':
      return [{ field, code: 'invalid_choice', params: { choices: issue.values.map(String).join(', ') } }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ field: field ? `${field}.${key}` : key, code: 'unknown_field' }));
    case 'invalid_format':
      return [{ field, code: reason ?? 'invalid_format' }];
    default:
      return [{ field, code: reason ?? 'invalid' }];
  }
}

/** Field issues for a failed parse; `input` is what was parsed, used to tell "missing" from "wrong". */
export function fieldIssues(error: z.ZodError, input: unknown): FieldIssue[] {
  return error.issues.flatMap((issue) => issueFrom(issue, input));
}

/** "用户名：至少需要 3 个字符" — the field's label and the reason, in the caller's language. */
export function describeIssue(t: Translate, issue: FieldIssue): string {
  const leaf = issue.field.split('.').pop() ?? '';
  const label = issue.field ? t(`fields.${leaf}`, { defaultValue: leaf }) : t('fields._body', {});
  const reason = t(`validation.${issue.code}`, { ...issue.params, defaultValue: issue.code });
  return t('validation._format', { field: label, reason });
}
