// 办件查询 at the kiosk as pure functions: the keypad, when the search may be sent, the state in a
// citizen's words, and what a failed search means.
import type { CaseStatus } from '../../electron/contract/cases.js';
import { ApiError } from '../shared/api-error';

/** {hallCode 6–12 digits}{YYYYMMDD}{NNNN}: 18 to 24 digits. */
export const CASE_NO_MIN = 18;
export const CASE_NO_MAX = 24;
export const PASSWORD_LENGTH = 6;

export type LookupField = 'caseNo' | 'password';
export type LookupKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'back' | 'clear';

export function maxLengthOf(field: LookupField): number {
  return field === 'caseNo' ? CASE_NO_MAX : PASSWORD_LENGTH;
}

/** The value after one keypad key: digits up to the field's length, back, clear. */
export function pressLookupKey(value: string, key: LookupKey, field: LookupField): string {
  if (key === 'clear') return '';
  if (key === 'back') return value.slice(0, -1);
  return value.length >= maxLengthOf(field) ? value : value + key;
}

/** What a typed or pasted value keeps: its digits, up to the field's length. */
export function digitsOnly(value: string, field: LookupField): string {
  return value.replace(/\D/g, '').slice(0, maxLengthOf(field));
}

export function lookupReady(caseNo: string, password: string): boolean {
  return new RegExp(`^\\d{${CASE_NO_MIN},${CASE_NO_MAX}}$`).test(caseNo) && new RegExp(`^\\d{${PASSWORD_LENGTH}}$`).test(password);
}

/** The state in plain words (kioskLookup.status.*), and what the citizen does next (kioskLookup.next.*). */
export function statusLabelKey(status: CaseStatus): string {
  return `kioskLookup.status.${status}`;
}
export function statusNextKey(status: CaseStatus): string {
  return `kioskLookup.next.${status}`;
}

export type LookupFailure = 'wrong' | 'rateLimited' | 'unreachable' | 'other';

/** A wrong password and an unknown number read the same (the host answers 404 for both). Too many
 *  wrong passwords lock the lookup (429): the citizen is sent to the counter, where a clerk can lift
 *  the lock. A host too busy to check (503) says so in its own words ('other'). */
export function lookupFailure(error: unknown): LookupFailure {
  if (!(error instanceof ApiError)) return 'other';
  if (error.code === 'not_found' || error.code === 'validation') return 'wrong';
  if (error.code === 'rate_limited') return 'rateLimited';
  if (error.code === 'unreachable') return 'unreachable';
  return 'other';
}
