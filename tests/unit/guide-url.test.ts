// Where the slip's QR code points: the hall's published guide when set, else this host's guide page.
import { describe, expect, it } from 'vitest';
import { guideUrlFor, QueueSettings } from '../../electron/contract/queue.js';

describe('guideUrlFor', () => {
  const origin = 'http://127.0.0.1:8620';
  it('falls back to the host the kiosk reached', () => {
    expect(guideUrlFor('', origin, 'SB-001')).toBe('http://127.0.0.1:8620/guide#SB-001');
    expect(guideUrlFor('', origin, null)).toBe('http://127.0.0.1:8620/guide');
  });
  it('gives a bare host its /guide page and keeps a page address as it stands', () => {
    expect(guideUrlFor('http://192.168.1.10:8620', origin, 'SB-001')).toBe('http://192.168.1.10:8620/guide#SB-001');
    expect(guideUrlFor('https://zwfw.example.gov.cn/bszn/', origin, 'SB-001')).toBe('https://zwfw.example.gov.cn/bszn/#SB-001');
    expect(guideUrlFor('https://zwfw.example.gov.cn/g.html?town=12#old', origin, 'A 1')).toBe('https://zwfw.example.gov.cn/g.html?town=12#A%201');
  });
  it('the setting accepts empty or http(s) only', () => {
    const base = { periods: [{ open: '08:30', close: '17:30' }], weekdays: [1], announcementTemplate: 'x', announceRepeat: 1, numberReading: 'digits', slipWidthMm: 80, printMode: 'html', printerHost: '', printerPort: 9100, printerName: '', noticeLine: '', ratingWindowMinutes: 10 };
    expect(QueueSettings.parse(base).publicGuideUrl).toBe('');
    expect(QueueSettings.safeParse({ ...base, publicGuideUrl: 'https://a.cn/' }).success).toBe(true);
    for (const bad of ['file:///etc/passwd', 'data:text/html,x', '//a.cn', 'http://u:p@a.cn']) expect(QueueSettings.safeParse({ ...base, publicGuideUrl: bad }).success, bad).toBe(false);
  });
});
