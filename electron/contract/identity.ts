// Checks on identity numbers (DOMAIN §6), shared by the hall service and the renderer's forms so a
// clerk sees the same reason the host would give, before anything is sent. zod only.
import { z } from 'zod';
import { PlainName } from './api.js';

/** Every reason code these checks report; each has a validation.* message in every locale. */
export const IDENTITY_REASONS = ['id_format', 'id_birth_date', 'id_checksum', 'credit_format', 'credit_checksum', 'mobile_format'] as const;
export type IdentityReason = (typeof IDENTITY_REASONS)[number];

// GB 11643-1999: weights are 2^(17-i) mod 11; the check character is indexed by the sum mod 11.
const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_CHECK = '10X98765432';

/** The 18th character of a resident ID from its first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('a resident ID check needs 17 digits');
  const sum = RESIDENT_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return RESIDENT_CHECK[sum % 11]!;
}

/** The hall's time zone: a birth date is "in the future" by the hall's calendar, not the process's
 *  (a host on UTC is still on yesterday until 08:00 in China). The host sets it from hall.timeZone. */
let hallTimeZone = 'Asia/Shanghai';
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

export function setHallTimeZone(timeZone: string): void {
  hallTimeZone = timeZone;
}

/** The calendar date of a moment in a time zone, `YYYY-MM-DD`. */
export function dateIn(moment: Date, timeZone: string): string {
  let f = dayFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(moment).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/** Today's date in the hall, `YYYY-MM-DD`. */
function hallToday(): string {
  return dateIn(new Date(), hallTimeZone);
}

/** A real calendar date: 19490231 is not. Date.UTC rolls Feb 31 into March, so read it back. */
function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Why a resident ID is wrong, or null when it is right. Lowercase x is taken as X. */
export function residentIdProblem(id: string, today: string = hallToday()): IdentityReason | null {
  const s = id.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return 'id_format';
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const birth = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  // Nobody alive was born before 1900; a birth date after today is a typing error.
  if (y < 1900 || !isRealDate(y, m, d) || birth > today) return 'id_birth_date';
  if (residentIdCheckChar(s.slice(0, 17)) !== s[17]) return 'id_checksum';
  return null;
}

export function isValidResidentId(id: string, today?: string): boolean {
  return residentIdProblem(id, today) === null;
}

// GB 32100-2015: 31 characters (no I, O, S, V, Z, which look like digits or each other).
export const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CREDIT_PATTERN = new RegExp(`^[${CREDIT_ALPHABET}]{18}$`);

/** The 18th character of a unified social credit code from its first 17 characters. */
export function creditCodeCheckChar(first17: string): string {
  const values = [...first17].map((c) => CREDIT_ALPHABET.indexOf(c));
  if (values.length !== 17 || values.some((v) => v < 0)) throw new RangeError('a credit code check needs 17 characters of its alphabet');
  const sum = values.reduce((acc, v, i) => acc + v * CREDIT_WEIGHTS[i]!, 0);
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function creditCodeProblem(code: string): IdentityReason | null {
  const s = code.trim().toUpperCase();
  if (!CREDIT_PATTERN.test(s)) return 'credit_format';
  return creditCodeCheckChar(s.slice(0, 17)) === s[17] ? null : 'credit_checksum';
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

export function isValidMobile(mobile: string): boolean {
  return /^1[3-9]\d{9}$/.test(mobile.trim());
}

/** A zod string check that reports the problem's reason code (→ validation.<code>). */
function checkedString(problem: (s: string) => IdentityReason | null) {
  return z
    .string()
    .trim()
    .toUpperCase()
    .superRefine((s, ctx) => {
      const reason = problem(s);
      if (reason) ctx.addIssue({ code: 'custom', params: { reason }, input: s });
    });
}

/** A resident ID, stored upper-case. The birth date is judged against the hall's day. */
export const ResidentId = checkedString((s) => residentIdProblem(s));
export const CreditCode = checkedString(creditCodeProblem);
export const Mobile = z
  .string()
  .trim()
  .superRefine((s, ctx) => {
    if (!isValidMobile(s)) ctx.addIssue({ code: 'custom', params: { reason: 'mobile_format' }, input: s });
  });
/** An applicant's or agent's name: 1–50 characters, no control characters. */
export const PersonName = PlainName;
