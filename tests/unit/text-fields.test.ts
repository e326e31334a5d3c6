// Free text: lone surrogates and control characters are refused with a field issue code; real text,
// astral characters (emoji, rare hanzi) and, in multi-line fields, tab and line breaks are kept.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldIssues } from '../../electron/contract/field-issues.js';
import { hasLoneSurrogate, lineText, loneSurrogatePaths, multilineText, textProblem } from '../../electron/contract/text.js';
import { PlainName } from '../../electron/contract/api.js';
import { CaseActionRequest, CreateCaseRequest } from '../../electron/contract/cases.js';
import { CreateItemRequest } from '../../electron/contract/catalog.js';
import { QueueSettings, RatingRequest } from '../../electron/contract/queue.js';

describe('textProblem', () => {
  it.each([
    ['王芳', null, null],
    ['𠀀 rare hanzi and 😀 emoji (surrogate pairs)', null, null],
    ['first line\nsecond line\r\n\tindented', 'control_chars', null],
    ['NUL \u0000 inside', 'control_chars', 'control_chars'],
    ['bell \u0007', 'control_chars', 'control_chars'],
    ['escape \u001b[31m', 'control_chars', 'control_chars'],
    ['delete \u007f', 'control_chars', 'control_chars'],
    ['C1 next line \u0085', 'control_chars', 'control_chars'],
    ['C1 \u009f end of range', 'control_chars', 'control_chars'],
    ['\u00a0 no-break space is text', null, null],
    ['lone high \ud800', 'lone_surrogate', 'lone_surrogate'],
    ['\ud800 lone high first', 'lone_surrogate', 'lone_surrogate'],
    ['lone low \udc00', 'lone_surrogate', 'lone_surrogate'],
    ['reversed pair \ude00\ud83d', 'lone_surrogate', 'lone_surrogate'],
    ['pair then lone \ud83d\ude00\ud83d', 'lone_surrogate', 'lone_surrogate'],
  ])('%j → line %s, lines %s', (text, line, lines) => {
    expect(textProblem(text, 'line')).toBe(line);
    expect(textProblem(text, 'lines')).toBe(lines);
  });

  it('tells a lone surrogate apart from a pair', () => {
    expect(hasLoneSurrogate('😀')).toBe(false);
    expect(hasLoneSurrogate('😀'.slice(0, 1))).toBe(true);
    expect(hasLoneSurrogate('😀'.slice(1))).toBe(true);
  });
});

describe('schemas', () => {
  const issues = (schema: z.ZodType, input: unknown) => {
    const r = schema.safeParse(input);
    return r.success ? [] : fieldIssues(r.error, input);
  };

  it('lineText and multilineText trim, keep limits and name the reason', () => {
    expect(lineText(10, 1).parse('  王芳 ')).toBe('王芳');
    expect(issues(lineText(10), 'a\nb')).toEqual([{ field: '', code: 'control_chars' }]);
    expect(multilineText(10).parse('a\nb')).toBe('a\nb');
    expect(issues(multilineText(10), 'a\u0000b')).toEqual([{ field: '', code: 'control_chars' }]);
    expect(issues(lineText(10), '\ud800')).toEqual([{ field: '', code: 'lone_surrogate' }]);
    expect(issues(lineText(3), 'abcd')).toEqual([{ field: '', code: 'too_long', params: { max: 3 } }]);
  });

  it('every kind of free-text field of the contract refuses them', () => {
    const person = { kind: 'person', name: '王芳', idType: 'resident_id', idNumber: '11010519491231002X', mobile: '13812345678' };
    expect(issues(PlainName, '王\u0085芳')).toEqual([{ field: '', code: 'control_chars' }]);
    expect(issues(CreateCaseRequest, { itemCode: 'A1', applicant: { ...person, name: '王\ud800' } })).toEqual([{ field: 'applicant.name', code: 'lone_surrogate' }]);
    expect(issues(CreateCaseRequest, { itemCode: 'A1', applicant: person, materials: [{ name: '户口簿\u0000' }] })).toEqual([{ field: 'materials.0.name', code: 'control_chars' }]);
    expect(issues(CaseActionRequest, { action: 'reject', reasons: ['材料\u0007不全'] })).toEqual([{ field: 'reasons.0', code: 'control_chars' }]);
    expect(issues(CaseActionRequest, { action: 'accept', note: '第一行\n第二行' })).toEqual([]);
    expect(issues(CaseActionRequest, { action: 'accept', note: 'x\udfff' })).toEqual([{ field: 'note', code: 'lone_surrogate' }]);
    expect(issues(RatingRequest, { ticketId: 1, level: 5, comment: '很好\u0000' })).toEqual([{ field: 'comment', code: 'control_chars' }]);
    const item = CreateItemRequest.safeParse({ code: '1', name: '\ud800' });
    expect(item.success ? [] : fieldIssues(item.error, {}).filter((i) => i.field === 'name')).toEqual([{ field: 'name', code: 'lone_surrogate' }]);
    const settings = QueueSettings.safeParse({ noticeLine: 'x\u0085' });
    expect(settings.success ? [] : fieldIssues(settings.error, {}).filter((i) => i.field === 'noticeLine')).toEqual([{ field: 'noticeLine', code: 'control_chars' }]);
  });
});

describe('loneSurrogatePaths', () => {
  it('names each broken string by its path, keys included', () => {
    expect(loneSurrogatePaths({ a: 'ok', b: ['fine', 'x\ud800'], c: { d: '\udc00' } })).toEqual(['b.1', 'c.d']);
    expect(loneSurrogatePaths({ ['k\ud800']: 1 })).toEqual(['_key']);
    expect(loneSurrogatePaths('\ud800')).toEqual(['']);
    expect(loneSurrogatePaths({ a: '😀', n: 1, z: null, t: true })).toEqual([]);
  });

  it('stops at the limit and survives deep nesting', () => {
    expect(loneSurrogatePaths(Array.from({ length: 100 }, () => '\ud800'), 5)).toHaveLength(5);
    let deep: unknown = '\ud800';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(loneSurrogatePaths(deep)).toHaveLength(1);
  });
});
