// How a ticket number is read aloud (DOMAIN §7): its letters one by one, then the digits either
// one by one ('digits': A012 → "A 零 一 二") or as a Chinese number ('natural': A012 → "A 十二").
export type NumberReading = 'digits' | 'natural';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const UNITS = ['', '十', '百', '千'] as const;

/** 0 → 零, 10 → 十, 12 → 十二, 105 → 一百零五, 110 → 一百一十, 1010 → 一千零一十 (0–9999). */
export function chineseNatural(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 9999) throw new RangeError(`cannot read ${value}`);
  if (value === 0) return DIGITS[0];
  const digits = String(value).split('').map(Number);
  let text = '';
  let pendingZero = false;
  digits.forEach((digit, index) => {
    const unit = UNITS[digits.length - 1 - index] as string;
    if (digit === 0) {
      // One 零 stands for any run of zeros between two non-zero digits; trailing zeros are silent.
      pendingZero = text !== '';
      return;
    }
    if (pendingZero) text += DIGITS[0];
    pendingZero = false;
    // 10–19 are said 十, 十二 — not 一十二 — when the number starts with the tens.
    const leadingTen = text === '' && unit === '十' && digit === 1;
    text += (leadingTen ? '' : DIGITS[digit]) + unit;
  });
  return text;
}

/** Each digit by name: "012" → "零 一 二". */
export function chineseDigits(digits: string): string {
  return digits
    .split('')
    .map((d) => DIGITS[Number(d)] ?? d)
    .join(' ');
}

/**
 * "A012" → "A 零 一 二" (digits) or "A 十二" (natural); letters are kept and spaced so a voice
 * spells them. Anything not letters-then-digits is returned as it is.
 */
export function readTicketNumber(number: string, mode: NumberReading): string {
  const match = /^([A-Za-z]*)(\d+)$/.exec(number.trim());
  if (!match) return number;
  const letters = (match[1] ?? '').toUpperCase().split('').filter(Boolean);
  const digits = match[2] as string;
  const spoken =
    mode === 'natural' && digits.length <= 4 ? chineseNatural(Number(digits)) : chineseDigits(digits);
  return [...letters, spoken].join(' ');
}
