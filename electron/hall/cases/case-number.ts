// Case numbers `{hallCode}{YYYYMMDD}{NNNN}` per business day, and the 6-digit query password.
import { randomInt } from 'node:crypto';
import type { Db } from '../../../db/connection.js';
import { get, sql } from '../../../db/sql.js';

/** The next number of the day; the counter only grows, so a number is never given twice. */
export function nextCaseNo(db: Db, hallCode: string, businessDay: string): string {
  const { last_seq: seq } = get<{ last_seq: number }>(
    db,
    sql`INSERT INTO case_numbers (business_day, last_seq) VALUES (${businessDay}, 1)
        ON CONFLICT (business_day) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`,
  )!;
  // Past 9999 in a day the number simply grows a digit: unique still matters more than width.
  return `${hallCode}${businessDay.replaceAll('-', '')}${String(seq).padStart(4, '0')}`;
}

/** Uniform over 000000–999999 from the system's secure random source. */
export function newQueryPassword(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}
