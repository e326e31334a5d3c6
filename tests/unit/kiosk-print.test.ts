import { describe, expect, it } from 'vitest';
import { printPlan, printTicketSlip, type SlipPrinter } from '../../renderer/kiosk/print-slip';
import { ApiError } from '../../renderer/shared/api-error';

const HTML = '<!doctype html><html><body>A012</body></html>';
const settings = { slipWidthMm: 58 as const, printerName: 'POS-58' };

describe('printPlan', () => {
  it('escpos: the host printed it, nothing to do here', () => {
    expect(printPlan({ ok: true, mode: 'escpos' }, settings, true)).toEqual({ kind: 'host' });
    expect(printPlan({ ok: true, mode: 'escpos' }, settings, false)).toEqual({ kind: 'host' });
  });
  it('html in Electron: the bridge, with the slip width in micrometres and the printer name', () => {
    expect(printPlan({ ok: true, mode: 'html', html: HTML }, settings, true)).toEqual({
      kind: 'desktop',
      request: { html: HTML, printerName: 'POS-58', pageWidthMicrons: 58_000 },
    });
    expect(printPlan({ ok: true, mode: 'html', html: HTML }, { slipWidthMm: 80, printerName: '' }, true)).toMatchObject({
      request: { pageWidthMicrons: 80_000, printerName: '' },
    });
  });
  it('html in a browser: a hidden frame', () => {
    expect(printPlan({ ok: true, mode: 'html', html: HTML }, settings, false)).toEqual({ kind: 'frame', html: HTML });
  });
  it('without settings, the host default paper and printer', () => {
    expect(printPlan({ ok: true, mode: 'html', html: HTML }, null, true)).toMatchObject({ request: { pageWidthMicrons: 80_000, printerName: '' } });
  });
});

function fakeApi(answer: unknown | Error) {
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  return {
    calls,
    api: {
      request: (async (method: string, path: string, options?: { body?: unknown; schema?: { parse(v: unknown): unknown } }) => {
        calls.push({ method, path, body: options?.body });
        if (answer instanceof Error) throw answer;
        return options?.schema ? options.schema.parse(answer) : answer;
      }) as never,
    },
  };
}

function fakePrinter(desktopResult?: { ok: true } | { ok: false; error: string }, frameError?: Error) {
  const printed: Array<{ via: string; html: string; width?: number }> = [];
  const printer: SlipPrinter = {
    desktop: desktopResult
      ? {
          printHtml: async (request) => {
            printed.push({ via: 'desktop', html: request.html, width: request.pageWidthMicrons });
            return desktopResult;
          },
        }
      : null,
    printInFrame: async (html) => {
      if (frameError) throw frameError;
      printed.push({ via: 'frame', html });
    },
  };
  return { printer, printed };
}

describe('printTicketSlip', () => {
  it('asks the host for the slip of this ticket in the page language', async () => {
    const { api, calls } = fakeApi({ ok: true, mode: 'escpos' });
    const { printer, printed } = fakePrinter({ ok: true });
    expect(await printTicketSlip(api, 42, 'en', settings, printer)).toEqual({ ok: true, by: 'host' });
    expect(calls).toEqual([{ method: 'POST', path: '/queue/tickets/42/print', body: { lang: 'en' } }]);
    expect(printed).toEqual([]);
  });
  it('prints html through the bridge in Electron, through a frame in a browser', async () => {
    const desktop = fakePrinter({ ok: true });
    expect(await printTicketSlip(fakeApi({ ok: true, mode: 'html', html: HTML }).api, 1, 'zh-CN', settings, desktop.printer)).toEqual({ ok: true, by: 'desktop' });
    expect(desktop.printed).toEqual([{ via: 'desktop', html: HTML, width: 58_000 }]);
    const browser = fakePrinter();
    expect(await printTicketSlip(fakeApi({ ok: true, mode: 'html', html: HTML }).api, 1, 'zh-CN', settings, browser.printer)).toEqual({ ok: true, by: 'frame' });
    expect(browser.printed).toEqual([{ via: 'frame', html: HTML }]);
  });
  it('reports every failure instead of throwing', async () => {
    const printer = fakePrinter({ ok: true }).printer;
    expect(await printTicketSlip(fakeApi(new ApiError(503, 'unavailable', '打印机无响应')).api, 1, 'zh-CN', settings, printer)).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(await printTicketSlip(fakeApi(new ApiError(0, 'unreachable', '')).api, 1, 'zh-CN', settings, printer)).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(await printTicketSlip(fakeApi(new ApiError(404, 'not_found', '')).api, 1, 'zh-CN', settings, printer)).toMatchObject({ ok: false, reason: 'host' });
    // An answer of the wrong shape is not a print.
    expect(await printTicketSlip(fakeApi({ ok: true, mode: 'pdf' }).api, 1, 'zh-CN', settings, printer)).toMatchObject({ ok: false });
    const failingDesktop = fakePrinter({ ok: false, error: 'no printer' }).printer;
    expect(await printTicketSlip(fakeApi({ ok: true, mode: 'html', html: HTML }).api, 1, 'zh-CN', settings, failingDesktop)).toEqual({ ok: false, reason: 'desktop', detail: 'no printer' });
    const failingFrame = fakePrinter(undefined, new Error('blocked')).printer;
    expect(await printTicketSlip(fakeApi({ ok: true, mode: 'html', html: HTML }).api, 1, 'zh-CN', settings, failingFrame)).toEqual({ ok: false, reason: 'frame', detail: 'blocked' });
  });
});
