// The ESC/POS bytes a network thermal printer receives, checked byte for byte where it matters.
import { describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../../electron/contract/queue.js';
import { slipContent } from '../../electron/contract/slip.js';
import { displayWidth, wrapByWidth } from '../../electron/hall/printing/display-width.js';
import { EscPos, escposSlip } from '../../electron/hall/printing/escpos.js';
import { decodeEscPos } from '../integration/support/fake-printer.js';

const hex = (b: Buffer) => b.toString('hex').replace(/(..)/g, '$1 ').trim();

describe('EscPos', () => {
  it('encodes init, Chinese mode and "请 A012" in GB18030', () => {
    const bytes = new EscPos().init().chineseMode().line('请 A012').build();
    // ESC @, FS &, 请 = C7 EB in GB18030, then " A012" and LF.
    expect(hex(bytes)).toBe('1b 40 1c 26 c7 eb 20 41 30 31 32 0a');
  });

  it('encodes align, bold, size, feed and the partial cut', () => {
    const bytes = new EscPos().align('center').bold(true).size(2, 2).size(4, 3).bold(false).feed(4).cut().build();
    expect(hex(bytes)).toBe('1b 61 01 1b 45 01 1d 21 11 1d 21 32 1b 45 00 1b 64 04 1d 56 42 00');
    expect(() => new EscPos().size(9, 1)).toThrow(RangeError);
  });

  it('encodes a GB18030 character outside GBK as four bytes, and drops control characters from text', () => {
    // 𠀀 (U+20000) is 95 32 82 36 in GB18030; a name with ESC in it must not become a command.
    expect(hex(new EscPos().text('𠀀').build())).toBe('95 32 82 36');
    expect(hex(new EscPos().text('A\u001b@B\n').build())).toBe('41 40 42');
  });

  it('stores a QR code with its length in pL pH (data + 3) and prints it', () => {
    const url = 'http://h/k';
    expect(hex(new EscPos().qr(url, 6).build())).toBe(
      [
        '1d 28 6b 04 00 31 41 32 00', // model 2
        '1d 28 6b 03 00 31 43 06', // module size 6
        '1d 28 6b 03 00 31 45 31', // error level M
        '1d 28 6b 0d 00 31 50 30', // store: 10 bytes + 3 = 0x0d
        hex(Buffer.from(url)),
        '1d 28 6b 03 00 31 51 30', // print
      ].join(' '),
    );
    // 300 bytes + 3 = 303 = 0x012f: the high byte is used.
    const long = new EscPos().qr(`http://h/${'x'.repeat(291)}`).build();
    const store = long.indexOf(Buffer.from([0x31, 0x50, 0x30]));
    expect(hex(long.subarray(store - 2, store))).toBe('2f 01');
    expect(() => new EscPos().qr('')).toThrow(RangeError);
    expect(() => new EscPos().qr('x'.repeat(701))).toThrow(RangeError);
  });
});

describe('wrapping by display width', () => {
  it('counts a Chinese character and fullwidth punctuation as two columns', () => {
    expect(displayWidth('请 A012')).toBe(7);
    expect(displayWidth('号，过')).toBe(6);
  });

  it('breaks Chinese anywhere and keeps English words whole', () => {
    expect(wrapByWidth('请留意叫号，过号请重新取号。办事指南可在取号机上查询。', 16)).toEqual(['请留意叫号，过号', '请重新取号。办事', '指南可在取号机上', '查询。']);
    expect(wrapByWidth('Please listen for your number; if you miss it, take a new ticket', 32)).toEqual([
      'Please listen for your number;',
      'if you miss it, take a new',
      'ticket',
    ]);
    expect(wrapByWidth('社保医保 Social Insurance', 12)).toEqual(['社保医保', 'Social', 'Insurance']);
    expect(wrapByWidth('x'.repeat(20), 8)).toEqual(['xxxxxxxx', 'xxxxxxxx', 'xxxx']);
    expect(wrapByWidth('', 8)).toEqual(['']);
  });
});

describe('escposSlip', () => {
  const issued: IssuedTicket = {
    id: 7, number: 'A012', categoryCode: 'A', categoryName: '社保医保', priority: null, ahead: 3, estimatedWaitMinutes: 15,
    businessDay: '2026-03-02', issuedAt: '2026-03-02T01:05:30.000Z', hallName: '城关镇便民服务中心', guideUrl: 'http://192.168.1.10:8620/kiosk#guide=SB-001',
  };

  it('starts with init and Chinese mode, ends with a feed and the cut, and prints every line', () => {
    const bytes = escposSlip(slipContent(issued, { slipWidthMm: 58 }, 'zh-CN'), 58);
    expect(hex(bytes.subarray(0, 4))).toBe('1b 40 1c 26');
    expect(hex(bytes.subarray(-7))).toBe('1b 64 04 1d 56 42 00');
    const job = decodeEscPos(bytes);
    expect(job.lines).toEqual(['城关镇便民服务中心', '社保医保', 'A012', '前面还有 3 人', '预计等候约 15 分钟', '取号时间 2026-03-02 09:05', '', '扫码查看办事指南', '请留意叫号，过号请重新取号']);
    expect(job.qrData).toEqual(['http://192.168.1.10:8620/kiosk#guide=SB-001']);
    // The number at triple size on 58 mm, quadruple on 80 mm.
    expect(job.commands).toContainEqual({ kind: 'size', width: 3, height: 3 });
    const wide = decodeEscPos(escposSlip(slipContent(issued, { slipWidthMm: 80 }, 'zh-CN'), 80));
    expect(wide.commands).toContainEqual({ kind: 'size', width: 4, height: 4 });
  });

  it('wraps English to 32 columns on 58 mm and 48 on 80 mm', () => {
    const en58 = decodeEscPos(escposSlip(slipContent(issued, { slipWidthMm: 58 }, 'en'), 58)).lines;
    expect(en58.slice(-3)).toEqual(['Please listen for your number;', 'if you miss it, take a new', 'ticket']);
    const en80 = decodeEscPos(escposSlip(slipContent(issued, { slipWidthMm: 80 }, 'en'), 80)).lines;
    expect(en80.slice(-2)).toEqual(['Please listen for your number; if you miss it,', 'take a new ticket']);
    for (const line of en58) expect(displayWidth(line)).toBeLessThanOrEqual(32);
  });

  it('prints a long category name at normal size, wrapped', () => {
    const job = decodeEscPos(escposSlip(slipContent({ ...issued, categoryName: '不动产登记与房屋交易综合受理' }, { slipWidthMm: 58 }, 'zh-CN'), 58));
    expect(job.lines.slice(1, 2)).toEqual(['不动产登记与房屋交易综合受理']);
    expect(job.commands.filter((c) => c.kind === 'size')[0]).toEqual({ kind: 'size', width: 1, height: 1 });
  });
});
