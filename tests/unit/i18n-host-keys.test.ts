// Every message the host can send must exist in every locale: the error keys thrown in
// electron/hall and the validation codes it reports, besides the ones zod issues map to.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IDENTITY_REASONS } from '../../electron/contract/identity.js';
import { TEXT_REASONS } from '../../electron/contract/text.js';

const ROOT = path.resolve('electron/hall');
const LOCALES = ['zh-CN', 'en'].map((lng) => ({ lng, data: JSON.parse(readFileSync(`resources/locales/${lng}.json`, 'utf8')) }));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** `errors.x` keys from conflict('x'), domainRule('x'), unauthorized('x'), new HallError(code, 'x'). */
export function errorKeysIn(source: string): string[] {
  const keys = new Set<string>();
  for (const m of source.matchAll(/\b(?:conflict|domainRule|unauthorized)\(\s*'([a-z_]+)'/g)) keys.add(m[1]!);
  for (const m of source.matchAll(/new HallError\(\s*'[a-z_]+',\s*'([a-z_]+)'/g)) keys.add(m[1]!);
  for (const m of source.matchAll(/'(token_expired|token_revoked|device_revoked|bad_credentials)'/g)) keys.add(m[1]!);
  return [...keys];
}

/** Validation codes reported by hand: { field: …, code: 'x' }. */
export function validationCodesIn(source: string): string[] {
  return [...source.matchAll(/\bcode: '([a-z_]+)'/g)].map((m) => m[1]!);
}

const sources = files(ROOT).map((f) => readFileSync(f, 'utf8'));

describe('host message keys', () => {
  it('finds keys in sample code (so the scan itself works)', () => {
    expect(errorKeysIn("throw conflict('window_busy', { n }); domainRule('sold_out'); new HallError('rate_limited', 'rate_limited')").sort()).toEqual(['rate_limited', 'sold_out', 'window_busy']);
    expect(validationCodesIn("validationError([{ field: 'x', code: 'unknown_category' }])")).toEqual(['unknown_category']);
  });

  it('has every error key the host throws, in every locale', () => {
    const keys = [...new Set(sources.flatMap(errorKeysIn))];
    expect(keys.length).toBeGreaterThan(15);
    for (const { lng, data } of LOCALES) {
      const missing = keys.filter((k) => typeof data.errors?.[k] !== 'string');
      expect({ lng, missing }).toEqual({ lng, missing: [] });
    }
  });

  it('has every validation code the host reports, in every locale', () => {
    const zodCodes = ['required', 'invalid_type', 'too_short', 'too_long', 'too_small', 'too_big', 'invalid_choice', 'unknown_field', 'invalid_format', 'invalid'];
    const contractReasons = [
      ...['api', 'queue', 'calendar', 'catalog'].flatMap((f) => [...readFileSync(`electron/contract/${f}.ts`, 'utf8').matchAll(/reason: '([a-z_]+)'/g)].map((m) => m[1]!)),
      ...IDENTITY_REASONS,
      ...TEXT_REASONS,
    ];
    const codes = [...new Set([...zodCodes, ...contractReasons, ...sources.flatMap(validationCodesIn)])];
    for (const { lng, data } of LOCALES) {
      const missing = codes.filter((c) => typeof data.validation?.[c] !== 'string');
      expect({ lng, missing }).toEqual({ lng, missing: [] });
    }
  });
});
