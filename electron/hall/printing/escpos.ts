// A small ESC/POS encoder for network thermal printers (Epson TM-T20/T82 and the Chinese printers
// that copy them): only the commands a ticket slip needs. Text goes out as GB18030, which these
// printers read in Chinese character mode.
import iconv from 'iconv-lite';
import type { SlipContent, SlipWidthMm } from '../../contract/slip.js';
import { displayWidth, wrapByWidth } from './display-width.js';

const ESC = 0x1b;
const FS = 0x1c;
const GS = 0x1d;
const LF = 0x0a;

/** Printable columns of plain (ASCII) characters; a Chinese character takes two. */
export const SLIP_COLUMNS: Record<SlipWidthMm, number> = { 58: 32, 80: 48 };

export type Align = 'left' | 'center' | 'right';
export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';

/** The most a QR store command takes here: a guide URL is short, and large codes would not scan on 58 mm. */
export const QR_MAX_BYTES = 700;

export class EscPos {
  private readonly parts: Buffer[] = [];

  private bytes(...values: number[]): this {
    this.parts.push(Buffer.from(values));
    return this;
  }

  /** ESC @: forget any mode a previous job left behind. */
  init(): this {
    return this.bytes(ESC, 0x40);
  }

  /** FS &: Chinese character mode, so GB18030 double bytes print as one character. */
  chineseMode(): this {
    return this.bytes(FS, 0x26);
  }

  align(where: Align): this {
    return this.bytes(ESC, 0x61, { left: 0, center: 1, right: 2 }[where]);
  }

  bold(on: boolean): this {
    return this.bytes(ESC, 0x45, on ? 1 : 0);
  }

  /** GS !: width and height multipliers 1–8. */
  size(width: number, height: number): this {
    if (![width, height].every((n) => Number.isInteger(n) && n >= 1 && n <= 8)) throw new RangeError('ESC/POS size is 1–8');
    return this.bytes(GS, 0x21, ((width - 1) << 4) | (height - 1));
  }

  text(value: string): this {
    // A control byte inside text would be read as a command; names come from admins, so drop them.
    // eslint-disable-next-line no-control-regex
    this.parts.push(iconv.encode(value.replace(/[\u0000-\u001f\u007f]/g, ''), 'gb18030'));
    return this;
  }

  line(value = ''): this {
    return this.text(value).bytes(LF);
  }

  /** ESC d n: feed n lines. */
  feed(lines: number): this {
    return this.bytes(ESC, 0x64, Math.max(0, Math.min(255, lines)));
  }

  /** A native QR code (GS ( k, model 2): the printer draws it, sharp at any density. */
  qr(data: string, moduleSize = 6, level: QrErrorLevel = 'M'): this {
    const payload = Buffer.from(data, 'utf8');
    if (payload.length === 0 || payload.length > QR_MAX_BYTES) throw new RangeError(`QR payload must be 1–${QR_MAX_BYTES} bytes`);
    const fn = (cn: number, ...rest: number[]) => this.bytes(GS, 0x28, 0x6b, (rest.length + 2) & 0xff, (rest.length + 2) >> 8, 0x31, cn, ...rest);
    fn(0x41, 0x32, 0x00); // fn 165: model 2
    fn(0x43, Math.max(1, Math.min(16, moduleSize))); // fn 167: module size in dots
    fn(0x45, { L: 0x30, M: 0x31, Q: 0x32, H: 0x33 }[level]); // fn 169: error correction
    const storeLength = payload.length + 3;
    this.bytes(GS, 0x28, 0x6b, storeLength & 0xff, storeLength >> 8, 0x31, 0x50, 0x30); // fn 180: store
    this.parts.push(payload);
    return fn(0x51, 0x30); // fn 181: print the stored code
  }

  /** GS V 66 0: feed to the cutter and cut, leaving a hinge so the slip does not fall. */
  cut(): this {
    return this.bytes(GS, 0x56, 0x42, 0x00);
  }

  build(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/** The slip as ESC/POS bytes: the same lines as the HTML slip, wrapped to the paper's columns. */
export function escposSlip(content: SlipContent, widthMm: SlipWidthMm): Buffer {
  const columns = SLIP_COLUMNS[widthMm];
  const p = new EscPos().init().chineseMode().align('center');
  const wrapped = (text: string, scale = 1) => {
    for (const line of wrapByWidth(text, Math.floor(columns / scale))) p.line(line);
  };
  p.bold(true); // stays on down to the priority label
  wrapped(content.hallName);
  // The category at double size when it fits on one line; a long name at double size would break badly.
  const categoryScale = displayWidth(content.categoryName) * 2 <= columns ? 2 : 1;
  p.size(categoryScale, categoryScale);
  wrapped(content.categoryName, categoryScale);
  // The number is what the citizen looks for when called: as large as the paper allows.
  const numberScale = widthMm === 58 ? 3 : 4;
  p.size(numberScale, numberScale).line(content.number).size(1, 1);
  if (content.priorityLabel) wrapped(content.priorityLabel);
  p.bold(false);
  wrapped(content.aheadLine);
  wrapped(content.waitLine);
  wrapped(content.issuedLine);
  p.feed(1).qr(content.guideUrl, widthMm === 58 ? 5 : 6).line();
  wrapped(content.qrCaption);
  wrapped(content.footer);
  // The cutter sits a few lines above the print head: feed so the footer is not cut through.
  return p.feed(4).cut().build();
}
