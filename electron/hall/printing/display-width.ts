// Thermal printers lay text out in fixed columns where a Chinese character takes two, so slip lines
// are wrapped by display width, not by string length.

/** East Asian wide and fullwidth ranges (Unicode UAX #11), the ones a township slip can contain. */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

export function charWidth(char: string): 1 | 2 {
  const cp = char.codePointAt(0) ?? 0;
  return WIDE.some(([lo, hi]) => cp >= lo && cp <= hi) ? 2 : 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/** Words of Latin text stay whole; CJK breaks between any two characters; a word longer than a
 *  line is cut. Spaces at a break are dropped. */
export function wrapByWidth(text: string, columns: number): string[] {
  const tokens = text.match(/[\x21-\x7e]+|\s|[^\s]/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  let width = 0;
  const flush = () => {
    lines.push(line.trimEnd());
    line = '';
    width = 0;
  };
  for (const token of tokens) {
    if (/^\s$/.test(token)) {
      if (line !== '' && width < columns) {
        line += ' ';
        width += 1;
      }
      continue;
    }
    const w = displayWidth(token);
    if (width + w > columns && line.trim() !== '') flush();
    if (w <= columns) {
      line += token;
      width += w;
      continue;
    }
    for (const char of token) {
      if (width + charWidth(char) > columns) flush();
      line += char;
      width += charWidth(char);
    }
  }
  if (line.trim() !== '' || lines.length === 0) flush();
  return lines;
}
