// What a failed call to the hall API means, in one shape the screens can show.
import { ErrorCode, FieldIssue } from './contract';
import type { Translate } from './translate';

/** The host's error codes plus two of the client's own: no answer at all, and an answer we cannot read. */
export type ApiErrorCode = ErrorCode | 'unreachable' | 'bad_response';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly fieldIssues: FieldIssue[] = [],
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'domain_rule',
  429: 'rate_limited',
  503: 'unavailable',
};

export function codeForStatus(status: number): ErrorCode {
  return CODE_BY_STATUS[status] ?? 'internal';
}

function issuesFrom(code: ErrorCode, details: unknown): FieldIssue[] {
  if (Array.isArray(details)) {
    return details.flatMap((item) => {
      const parsed = FieldIssue.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  }
  // A 409 on a unique field names the field ({field:'username'}); show it under that field.
  if (code === 'conflict' && details !== null && typeof details === 'object') {
    const field = (details as { field?: unknown }).field;
    if (typeof field === 'string' && field) return [{ field, code: 'taken' }];
  }
  return [];
}

/** Reads `{error:{code,message,details}}`; anything else becomes an error named by its HTTP status. */
export function parseErrorResponse(status: number, body: unknown): ApiError {
  const error = body !== null && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
  if (error === null || typeof error !== 'object') return new ApiError(status, codeForStatus(status), '');
  const { code: rawCode, message, details } = error as { code?: unknown; message?: unknown; details?: unknown };
  const known = ErrorCode.safeParse(rawCode);
  const code = known.success ? known.data : codeForStatus(status);
  return new ApiError(status, code, typeof message === 'string' ? message : '', issuesFrom(code, details), details);
}

export function unreachableError(cause?: unknown): ApiError {
  const error = new ApiError(0, 'unreachable', 'hall host unreachable');
  if (cause !== undefined) (error as { cause?: unknown }).cause = cause;
  return error;
}

/**
 * The sentence to show for a failed call. The host's message is already in the page's language
 * (Accept-Language); our own cases and empty messages come from the locale files.
 */
export function errorMessage(t: Translate, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.internal');
  if (error.code === 'unreachable') return t('errors.unreachable');
  if (error.code === 'bad_response') return t('errors.bad_response');
  if (error.message) return error.message;
  return t(`errors.${error.code}`, { minutes: '?' });
}
