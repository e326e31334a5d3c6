// Puts each field issue under the form field it names; what no field claims is shown above the form.
import { type FieldIssue, describeIssue } from './contract';
import { ApiError, errorMessage } from './api-error';
import type { Translate } from './translate';

export interface FormErrors {
  /** Message under each field, by the form's field name. */
  fields: Record<string, string>;
  /** Messages for the whole form (shown above it). */
  general: string[];
}

export const NO_ERRORS: FormErrors = { fields: {}, general: [] };

/** Which of the form's fields an issue's dotted path points at, if any ("user.displayName" → displayName). */
export function fieldForIssue(issue: FieldIssue, formFields: readonly string[]): string | null {
  if (formFields.includes(issue.field)) return issue.field;
  const parts = issue.field.split('.');
  const leaf = parts[parts.length - 1] ?? '';
  if (formFields.includes(leaf)) return leaf;
  const head = parts[0] ?? '';
  return formFields.includes(head) ? head : null;
}

/** `summary` is the sentence above the form when every issue found its field ("输入有误" by default). */
/** "at least 1 character" is how zod says an empty box; people call that "required". */
function plainIssue(issue: FieldIssue): FieldIssue {
  return issue.code === 'too_short' && Number(issue.params?.min) === 1 ? { field: issue.field, code: 'required' } : issue;
}

export function formErrorsFromIssues(
  t: Translate,
  issues: readonly FieldIssue[],
  formFields: readonly string[],
  summary?: string,
): FormErrors {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const issue of issues.map(plainIssue)) {
    const text = describeIssue(t, issue);
    const field = fieldForIssue(issue, formFields);
    if (field === null) general.push(text);
    else fields[field] = fields[field] ? `${fields[field]}；${text}` : text;
  }
  if (general.length === 0 && Object.keys(fields).length > 0) general.push(summary ?? t('errors.validation'));
  return { fields, general };
}

/** Errors for a failed submit: field issues go under their fields, anything else is one sentence on top. */
export function formErrorsFrom(t: Translate, error: unknown, formFields: readonly string[]): FormErrors {
  if (error instanceof ApiError && error.fieldIssues.length > 0) {
    // A conflict's own message ("用户名“x”已被使用") says more than the generic "输入有误".
    const summary = error.code === 'validation' ? undefined : errorMessage(t, error);
    return formErrorsFromIssues(t, error.fieldIssues, formFields, summary);
  }
  return { fields: {}, general: [errorMessage(t, error)] };
}
