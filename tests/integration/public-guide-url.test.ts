// The slip's QR code points at the hall's published guide (queue setting publicGuideUrl), not at
// whatever address the kiosk used (127.0.0.1 in a one-PC hall); a bad address is refused with 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEscPos, startFakePrinter, type FakePrinter } from './support/fake-printer.js';
import { startHall, type TestHall } from './support/hall.js';
import { setupQueue, type QueueFixture } from './support/queue.js';

let h: TestHall;
let q: QueueFixture;
let printer: FakePrinter;

const settings = async () => (await h.api('GET', '/queue/settings', { token: q.admin })).body;
const save = async (changes: Record<string, unknown>, lang = 'zh-CN') =>
  h.api('PUT', '/queue/settings', { token: q.admin, body: { ...(await settings()), ...changes }, lang });
const issueA = async () => (await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'A' } })).body;

beforeAll(async () => {
  h = await startHall();
  q = await setupQueue(h);
  printer = await startFakePrinter();
  expect((await h.api('PUT', '/queue/categories/A', { token: q.admin, body: { itemCode: 'SB-001' } })).status).toBe(200);
});
afterAll(async () => {
  await printer.close();
  await h.close();
});

describe('the slip QR code’s public guide address', () => {
  it('is empty by default: the QR opens the item on the host the kiosk reached', async () => {
    expect((await settings()).publicGuideUrl).toBe('');
    expect((await issueA()).guideUrl).toBe(`${h.base}/guide#SB-001`);
  });

  it('refuses anything but an http(s) address, naming the field, and changes nothing', async () => {
    const before = await settings();
    for (const bad of ['ftp://files.example.cn/guide', 'javascript:alert(1)', 'zwfw.example.gov.cn', 'http://admin:pw@192.168.1.10/', 'http://']) {
      const res = await save({ publicGuideUrl: bad });
      expect(res.status, bad).toBe(400);
      expect(res.body.error.details, bad).toEqual([expect.objectContaining({ field: 'publicGuideUrl' })]);
      expect(res.body.error.message, bad).toContain('号票二维码指向的办事指南地址');
    }
    const english = await save({ publicGuideUrl: 'ftp://x' }, 'en');
    expect(english.body.error.message).toContain('http:// or https://');
    expect(await settings()).toEqual(before);
  });

  it('a page address is used as it stands, with the item after #, on the slip and in the printed QR', async () => {
    const saved = await save({ publicGuideUrl: ' https://zwfw.example.gov.cn/bszn/guide.html ', printMode: 'escpos', printerHost: '127.0.0.1', printerPort: printer.port });
    expect(saved.status).toBe(200);
    expect(saved.body.publicGuideUrl).toBe('https://zwfw.example.gov.cn/bszn/guide.html');
    const ticket = await issueA();
    expect(ticket.guideUrl).toBe('https://zwfw.example.gov.cn/bszn/guide.html#SB-001');
    const printed = await h.api('POST', `/queue/tickets/${ticket.id}/print`, { token: q.kiosk, body: {} });
    expect(printed.body).toMatchObject({ ok: true, mode: 'escpos' });
    expect(decodeEscPos(await printer.nextJob()).qrData).toEqual(['https://zwfw.example.gov.cn/bszn/guide.html#SB-001']);
  });

  it('a bare host address opens this system’s guide page there; a category without an item opens the index', async () => {
    expect((await save({ publicGuideUrl: 'http://192.168.1.10:8620', printMode: 'html' })).status).toBe(200);
    expect((await issueA()).guideUrl).toBe('http://192.168.1.10:8620/guide#SB-001');
    const b = (await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'B' } })).body;
    expect(b.guideUrl).toBe('http://192.168.1.10:8620/guide');
  });
});
