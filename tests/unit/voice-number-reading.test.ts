import { describe, expect, it } from 'vitest';
import { chineseDigits, chineseNatural, readTicketNumber } from '../../renderer/display/voice/number-reading';

describe('chineseNatural', () => {
  it.each([
    [0, '零'],
    [7, '七'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [999, '九百九十九'],
    [1000, '一千'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [1100, '一千一百'],
    [2019, '二千零一十九'],
  ])('%i → %s', (value, spoken) => {
    expect(chineseNatural(value)).toBe(spoken);
  });

  it('refuses what it cannot read', () => {
    expect(() => chineseNatural(-1)).toThrow(RangeError);
    expect(() => chineseNatural(10000)).toThrow(RangeError);
    expect(() => chineseNatural(1.5)).toThrow(RangeError);
  });
});

describe('readTicketNumber', () => {
  it.each([
    ['A000', '零', 'A 零 零 零'],
    ['A007', '七', 'A 零 零 七'],
    ['A010', '十', 'A 零 一 零'],
    ['A012', '十二', 'A 零 一 二'],
    ['A020', '二十', 'A 零 二 零'],
    ['A100', '一百', 'A 一 零 零'],
    ['A105', '一百零五', 'A 一 零 五'],
    ['A110', '一百一十', 'A 一 一 零'],
    ['A999', '九百九十九', 'A 九 九 九'],
  ])('%s: natural "A %s", digits "%s"', (number, natural, digits) => {
    expect(readTicketNumber(number, 'natural')).toBe(`A ${natural}`);
    expect(readTicketNumber(number, 'digits')).toBe(digits);
  });

  it('spells a prefix of several letters and reads numbers without one', () => {
    expect(readTicketNumber('SB012', 'digits')).toBe('S B 零 一 二');
    expect(readTicketNumber('SB012', 'natural')).toBe('S B 十二');
    expect(readTicketNumber('012', 'natural')).toBe('十二');
  });

  it('leaves anything that is not letters-then-digits as it is', () => {
    expect(readTicketNumber('A-12', 'natural')).toBe('A-12');
    expect(chineseDigits('305')).toBe('三 零 五');
  });
});
