// POST /queue/tickets/:id/print against a fake network thermal printer that decodes what it gets.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrinterError, sendToPrinter } from '../../electron/hall/printing/network-printer.js';
import { PRINTER_TIMEOUT_MS } from '../../electron/hall/queue/print-routes.js';
import { setSetting } from '../../electron/hall/settings/service.js';
import { decodeEscPos, startFakePrinter, type FakePrinter } from './support/fake-printer.js';
import { startHall, type TestHall } from './support/hall.js';
import { setupQueue, type QueueFixture } from './support/queue.js';

let h: TestHall;
let q: QueueFixture;
let printer: FakePrinter;

const usePrinter = async (changes: Record<string, unknown>) => {
  const settings = (await h.api('GET', '/queue/settings', { token: q.admin })).body;
  const saved = await h.api('PUT', '/queue/settings', { token: q.admin, body: { ...settings, ...changes } });
  expect(saved.status).toBe(200);
};

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  h = await startHall();
  q = await setupQueue(h);
  printer = await startFakePrinter();
  setSetting(h.db, h.clock, 'hall.name', '城关镇便民服务中心');
});
afterAll(async () => {
  await printer.close();
  await h.close();
});

describe('printing the slip on a network thermal printer', () => {
  it('sends the committed ticket as ESC/POS: hall, category, number, people ahead and the guide QR', async () => {
    await usePrinter({ printMode: 'escpos', printerHost: '127.0.0.1', printerPort: printer.port, slipWidthMm: 58 });
    const before = await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'A' } });
    const issued = await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'A' } });
    expect([before.body.number, issued.body.number]).toEqual(['A001', 'A002']);

    const printed = await h.api('POST', `/queue/tickets/${issued.body.id}/print`, { token: q.kiosk, body: {} });
    expect(printed).toMatchObject({ status: 200, body: { ok: true, mode: 'escpos' } });
    const job = decodeEscPos(await printer.nextJob());
    expect(job.commands.slice(0, 2)).toEqual([{ kind: 'init' }, { kind: 'chinese-mode' }]);
    expect(job.commands.at(-1)).toEqual({ kind: 'cut', mode: 66 });
    expect(job.lines).toEqual(expect.arrayContaining(['城关镇便民服务中心', '社保医保', 'A002', '前面还有 1 人', '预计等候约 3 分钟']));
    expect(job.qrData).toEqual([issued.body.guideUrl]);
    expect(issued.body.guideUrl).toBe(`${h.base}/guide`);
  });

  it('prints in English when asked, recomputing the people ahead as the queue moves', async () => {
    const tickets = (await h.api('GET', `/windows/${q.windows[0]!.id}/tickets`, { token: q.windows[0]!.clerk })).body;
    expect(tickets).toEqual([]);
    await h.api('POST', `/windows/${q.windows[0]!.id}/call-next`, { token: q.windows[0]!.clerk }); // A001 leaves the queue
    const id = h.db.prepare("SELECT id FROM tickets WHERE number = 'A002'").pluck().get() as number;
    const printed = await h.api('POST', `/queue/tickets/${id}/print`, { token: q.windows[1]!.clerk, body: { lang: 'en' } });
    expect(printed.body).toEqual({ ok: true, mode: 'escpos' });
    const job = decodeEscPos(await printer.nextJob());
    expect(job.lines).toEqual(expect.arrayContaining(['A002', 'No one ahead of you', 'You are next', 'Scan for the service guide']));
  });

  it('answers 503 in the error shape when the printer is off, fast, and the ticket stays', async () => {
    await usePrinter({ printMode: 'escpos', printerHost: '127.0.0.1', printerPort: await closedPort() });
    const issued = await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'B' } });
    const started = Date.now();
    const printed = await h.api('POST', `/queue/tickets/${issued.body.id}/print`, { token: q.kiosk, body: { lang: 'zh-CN' } });
    expect(Date.now() - started).toBeLessThan(PRINTER_TIMEOUT_MS);
    expect(printed.status).toBe(503);
    expect(printed.body.error).toMatchObject({ code: 'unavailable', details: { reason: 'refused' } });
    expect(typeof printed.body.error.message).toBe('string');
    const ticket = await h.api('GET', `/queue/tickets/${issued.body.id}`, { token: q.windows[0]!.clerk });
    expect(ticket.body).toMatchObject({ number: 'B001', status: 'waiting' });
  });

  it('gives up on a printer that takes the connection but never reads, within the timeout', async () => {
    // The kernel accepts for it; the job is bigger than the socket buffers, so the write never ends.
    const stuck = net.createServer(() => undefined);
    await new Promise<void>((resolve) => stuck.listen(0, '127.0.0.1', resolve));
    const { port } = stuck.address() as net.AddressInfo;
    const started = Date.now();
    const error = await sendToPrinter('127.0.0.1', port, Buffer.alloc(32 * 1024 * 1024, 0x41), { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(error).toBeInstanceOf(PrinterError);
    expect(error).toMatchObject({ reason: 'timeout', message: `printer 127.0.0.1:${port} did not take the slip within 300 ms` });

    // A small slip fits its buffers even though it never reads or closes: printed, after the close grace.
    await usePrinter({ printerPort: port });
    const issued = await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'B' } });
    const printed = await h.api('POST', `/queue/tickets/${issued.body.id}/print`, { token: q.kiosk });
    expect(printed.body).toEqual({ ok: true, mode: 'escpos' });
    stuck.close();
  });

  it('answers the slip HTML in html mode, and refuses unknown tickets and callers', async () => {
    await usePrinter({ printMode: 'html', slipWidthMm: 80 });
    const issued = await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'A', priority: 'elderly' } });
    const printed = await h.api('POST', `/queue/tickets/${issued.body.id}/print`, { token: q.kiosk });
    expect(printed.body).toMatchObject({ ok: true, mode: 'html' });
    const html = printed.body.html as string;
    expect(html).toContain(`<div class="number">${issued.body.number}</div>`);
    expect(html).toContain('@page { size: 80mm auto; margin: 0 }');
    expect(html).toContain('老年人优先');
    expect(html).toMatch(/<div class="qr"><svg viewBox="0 0 \d+ \d+"/);
    expect(html).not.toMatch(/<script|https?:/i);

    expect((await h.api('POST', '/queue/tickets/999999/print', { token: q.kiosk })).status).toBe(404);
    expect((await h.api('POST', `/queue/tickets/${issued.body.id}/print`, { token: q.rating.token })).status).toBe(403);
    expect((await h.api('POST', `/queue/tickets/${issued.body.id}/print`, { token: q.kiosk, body: { lang: 'fr' } })).status).toBe(400);
  });
});
