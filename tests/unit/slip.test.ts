// The slip's text in both languages and both paper widths, and the HTML document the kiosk prints.
import { describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../../electron/contract/queue.js';
import { localDateTime, slipContent, slipHtml } from '../../electron/contract/slip.js';

const issued: IssuedTicket = {
  id: 7,
  number: 'A012',
  categoryCode: 'A',
  categoryName: '社保医保',
  priority: null,
  ahead: 3,
  estimatedWaitMinutes: 15,
  businessDay: '2026-03-02',
  // 01:05:30 UTC is 09:05 in Shanghai: the slip shows the hall's time, not the host's.
  issuedAt: '2026-03-02T01:05:30.000Z',
  hallName: '城关镇便民服务中心',
  guideUrl: 'http://192.168.1.10:8620/kiosk#guide=SB-001',
};

// A real `qrcode` SVG, shortened: the namespace is the only URL in it.
const QR_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 31 31" shape-rendering="crispEdges"><path fill="#ffffff" d="M0 0h31v31H0z"/><path stroke="#000000" d="M1 1.5h7"/></svg>\n';

describe('slipContent', () => {
  it.each([58, 80] as const)('zh-CN on %i mm paper', (width) => {
    expect(slipContent(issued, { slipWidthMm: width }, 'zh-CN')).toEqual({
      lang: 'zh-CN',
      widthMm: width,
      hallName: '城关镇便民服务中心',
      categoryName: '社保医保',
      number: 'A012',
      issuedAtLocal: '2026-03-02 09:05',
      issuedLine: '取号时间 2026-03-02 09:05',
      aheadLine: '前面还有 3 人',
      waitLine: '预计等候约 15 分钟',
      guideUrl: 'http://192.168.1.10:8620/kiosk#guide=SB-001',
      qrCaption: '扫码查看办事指南',
      footer: '请留意叫号，过号请重新取号',
    });
  });

  it.each([58, 80] as const)('en on %i mm paper, with a priority', (width) => {
    expect(slipContent({ ...issued, priority: 'elderly' }, { slipWidthMm: width }, 'en')).toEqual({
      lang: 'en',
      widthMm: width,
      hallName: '城关镇便民服务中心',
      categoryName: '社保医保',
      number: 'A012',
      priorityLabel: 'Priority: senior',
      issuedAtLocal: '2026-03-02 09:05',
      issuedLine: 'Issued 2026-03-02 09:05',
      aheadLine: '3 people ahead',
      waitLine: 'Estimated wait about 15 min',
      guideUrl: 'http://192.168.1.10:8620/kiosk#guide=SB-001',
      qrCaption: 'Scan for the service guide',
      footer: 'Please listen for your number; if you miss it, take a new ticket',
    });
  });

  it('says so when no one is ahead, and names each priority', () => {
    const first = { ...issued, ahead: 0, estimatedWaitMinutes: 0, priority: 'military' as const };
    expect(slipContent(first, { slipWidthMm: 58 }, 'zh-CN')).toMatchObject({ aheadLine: '前面没有人等候', waitLine: '马上就到您', priorityLabel: '军人优先' });
    expect(slipContent(first, { slipWidthMm: 58 }, 'en')).toMatchObject({ aheadLine: 'No one ahead of you', waitLine: 'You are next', priorityLabel: 'Priority: military' });
    expect(slipContent({ ...issued, ahead: 1 }, { slipWidthMm: 58 }, 'en').aheadLine).toBe('1 person ahead');
  });

  it('formats the local time across midnight and in another zone', () => {
    expect(localDateTime('2026-03-01T16:30:00.000Z')).toBe('2026-03-02 00:30');
    expect(localDateTime('2026-03-01T16:30:00.000Z', 'UTC')).toBe('2026-03-01 16:30');
  });
});

describe('slipHtml', () => {
  const html58 = slipHtml(slipContent(issued, { slipWidthMm: 58 }, 'zh-CN'), 58, QR_SVG);
  const html80 = slipHtml(slipContent(issued, { slipWidthMm: 80 }, 'en'), 80, QR_SVG);

  it('is a whole document sized for the paper, with the number big and bold', () => {
    expect(html58.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(html58).toContain('@page { size: 58mm auto; margin: 0 }');
    expect(html80).toContain('@page { size: 80mm auto; margin: 0 }');
    expect(html80).toContain('<html lang="en">');
    expect(html58).toContain('<div class="number">A012</div>');
    expect(html58).toMatch(/\.number \{[^}]*font-size: 16mm; font-weight: 800;/);
    expect(html80).toMatch(/\.number \{[^}]*font-size: 22mm; font-weight: 800;/);
    for (const line of ['城关镇便民服务中心', '社保医保', '前面还有 3 人', '预计等候约 15 分钟', '取号时间 2026-03-02 09:05', '请留意叫号，过号请重新取号']) {
      expect(html58).toContain(`>${line}</div>`);
    }
    expect(html58).toContain('<div class="qr"><svg viewBox="0 0 31 31"');
  });

  it('has no script and loads nothing: no URL, src, href, url() or @import anywhere', () => {
    for (const html of [html58, html80]) {
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/https?:|\/\/[a-z0-9]|\bsrc=|\bhref=|url\(|@import|<link|<img|<iframe/i);
    }
  });

  it('escapes names an admin typed, and refuses a QR image that is not a plain drawing', () => {
    const content = slipContent({ ...issued, hallName: '<b>镇</b> & "中心"' }, { slipWidthMm: 80 }, 'zh-CN');
    expect(slipHtml(content, 80, QR_SVG)).toContain('<div class="hall">&lt;b&gt;镇&lt;/b&gt; &amp; &quot;中心&quot;</div>');
    expect(() => slipHtml(content, 80, '<svg><script>alert(1)</script></svg>')).toThrow(/plain inline SVG/);
    expect(() => slipHtml(content, 80, '<svg><image href="http://x/y.png"/></svg>')).toThrow(/plain inline SVG/);
    expect(() => slipHtml(content, 80, '<img src=x onerror=alert(1)>')).toThrow(/plain inline SVG/);
  });
});
