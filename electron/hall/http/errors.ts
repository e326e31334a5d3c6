// The error shape of DESIGN §6. Services throw HallError; the server turns it into
// {error:{code,message,details}} with the message in the caller's language.
import type { ErrorCode, FieldIssue } from '../../contract/api.js';

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  domain_rule: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  uri_too_long: 414,
  headers_too_large: 431,
  request_timeout: 408,
  revoked: 401,
};

export class HallError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** An i18n key under errors.* (or a field issue list for validation). */
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
  ) {
    super(`${code}: ${messageKey}`);
    this.status = STATUS[code];
  }
}

export const validationError = (issues: FieldIssue[]): HallError =>
  new HallError('validation', 'validation', {}, issues);
/** A dead token also says how it died (details.reason), so a terminal knows what to tell its user. */
const TOKEN_ENDINGS: readonly string[] = ['token_expired', 'token_revoked'];
export const unauthorized = (key = 'unauthorized'): HallError =>
  new HallError('unauthorized', key, {}, TOKEN_ENDINGS.includes(key) ? { reason: key } : undefined);
export const forbidden = (): HallError => new HallError('forbidden', 'forbidden');
export const notFound = (): HallError => new HallError('not_found', 'not_found');
export const conflict = (key = 'conflict', params: Record<string, string | number> = {}, details?: unknown): HallError =>
  new HallError('conflict', key, params, details);
export const domainRule = (key: string, params: Record<string, string | number> = {}): HallError =>
  new HallError('domain_rule', key, params);
