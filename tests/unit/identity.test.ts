// Identity checks (DOMAIN §6): numbers built by the algorithm pass, and any single wrong character fails.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldIssues } from '../../electron/contract/field-issues.js';
import {
  CREDIT_ALPHABET,
  CreditCode,
  Mobile,
  ResidentId,
  creditCodeCheckChar,
  creditCodeProblem,
  isValidCreditCode,
  isValidMobile,
  isValidResidentId,
  residentIdCheckChar,
  residentIdProblem,
} from '../../electron/contract/identity.js';

const TODAY = '2026-03-02';
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A valid resident ID: region, a real past birth date, sequence, then the computed check. */
const residentId = fc
  .record({
    region: fc.integer({ min: 110000, max: 659999 }),
    birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-03-01T00:00:00Z'), noInvalidDate: true }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, birth, seq }) => {
    const first17 = `${region}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${pad(seq, 3)}`;
    return first17 + residentIdCheckChar(first17);
  });

const creditCode = fc
  .array(fc.constantFrom(...CREDIT_ALPHABET), { minLength: 17, maxLength: 17 })
  .map((chars) => chars.join(''))
  .map((first17) => first17 + creditCodeCheckChar(first17));

/** Every string differing from `s` in exactly one position, using the characters allowed there. */
function singleChanges(s: string, allowedAt: (i: number) => string): string[] {
  return [...s].flatMap((c, i) => [...allowedAt(i)].filter((a) => a !== c).map((a) => s.slice(0, i) + a + s.slice(i + 1)));
}

describe('resident ID (GB 11643-1999)', () => {
  it('accepts the known example, in either case of X', () => {
    expect(isValidResidentId('11010519491231002X', TODAY)).toBe(true);
    expect(isValidResidentId('11010519491231002x', TODAY)).toBe(true);
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });

  it('accepts every number built by the algorithm', () => {
    fc.assert(fc.property(residentId, (id) => isValidResidentId(id, TODAY)));
  });

  it('rejects any single-character change of a valid number', () => {
    fc.assert(
      fc.property(residentId, (id) => {
        for (const changed of singleChanges(id, (i) => (i === 17 ? '0123456789X' : '0123456789'))) {
          expect({ changed, ok: isValidResidentId(changed, TODAY) }).toEqual({ changed, ok: false });
        }
      }),
      { numRuns: 30 },
    );
  });

  it('rejects a future birth date and 30 February, whatever the check character', () => {
    const future = '11010520270101001';
    expect(residentIdProblem(future + residentIdCheckChar(future), TODAY)).toBe('id_birth_date');
    const feb30 = '11010520000230001';
    expect(residentIdProblem(feb30 + residentIdCheckChar(feb30), TODAY)).toBe('id_birth_date');
    const leap = '11010520000229001';
    expect(residentIdProblem(leap + residentIdCheckChar(leap), TODAY)).toBeNull();
  });

  it('tells a wrong length or letter from a wrong check digit', () => {
    expect(residentIdProblem('1101051949123100', TODAY)).toBe('id_format');
    expect(residentIdProblem('1101051949123100AX', TODAY)).toBe('id_format');
    expect(residentIdProblem('110105194912310021', TODAY)).toBe('id_checksum');
  });

  it('reports the reason through the zod schema and stores an upper-case X', () => {
    expect(ResidentId.parse(' 11010519491231002x ')).toBe('11010519491231002X');
    const bad = ResidentId.safeParse('110105194912310021');
    expect(bad.success).toBe(false);
    if (!bad.success) expect(fieldIssues(bad.error, '110105194912310021')).toEqual([{ field: '', code: 'id_checksum' }]);
  });
});

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts every code built by the algorithm, and a lower-case one', () => {
    fc.assert(fc.property(creditCode, (code) => isValidCreditCode(code) && isValidCreditCode(code.toLowerCase())));
  });

  it('rejects any single-character change of a valid code', () => {
    fc.assert(
      fc.property(creditCode, (code) => {
        for (const changed of singleChanges(code, () => CREDIT_ALPHABET)) {
          expect({ changed, ok: isValidCreditCode(changed) }).toEqual({ changed, ok: false });
        }
      }),
      { numRuns: 30 },
    );
  });

  it('maps a remainder of 0 to the check character 0, not 31', () => {
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });

  it('rejects letters outside the alphabet and wrong lengths', () => {
    expect(creditCodeProblem('91350100M000100Y4I')).toBe('credit_format');
    expect(creditCodeProblem('91350100M000100Y4')).toBe('credit_format');
    const first17 = '91350100M000100Y4';
    const wrong = CREDIT_ALPHABET.replace(creditCodeCheckChar(first17), '')[0]!;
    expect(creditCodeProblem(first17 + wrong)).toBe('credit_checksum');
    expect(CreditCode.safeParse(first17 + wrong).error?.issues[0]).toMatchObject({ params: { reason: 'credit_checksum' } });
  });
});

describe('mobile numbers', () => {
  it.each(['13812345678', '19912345678', ' 15000000000 '])('accepts %s', (m) => expect(isValidMobile(m)).toBe(true));
  it.each(['12812345678', '1381234567', '138123456789', '23812345678', '1381234567a', ''])('rejects %s', (m) => expect(isValidMobile(m)).toBe(false));
  it('reports mobile_format through the schema', () => {
    expect(Mobile.safeParse('12345').error?.issues[0]).toMatchObject({ params: { reason: 'mobile_format' } });
  });
});
