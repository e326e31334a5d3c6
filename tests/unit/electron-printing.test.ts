import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type PrintCallback = (success: boolean, failureReason: string) => void;

const electron = vi.hoisted(() => {
  const state = {
    windows: [] as Array<{
      options: Record<string, unknown>;
      webContents: { print: ReturnType<typeof vi.fn> };
      loadURL: ReturnType<typeof vi.fn>;
      destroy: ReturnType<typeof vi.fn>;
    }>,
    load: (_url: string): Promise<void> => Promise.resolve(),
    print: (_options: unknown, callback: PrintCallback): void => callback(true, ''),
  };
  class BrowserWindow {
    destroyed = false;
    webContents = { print: vi.fn((options: unknown, callback: PrintCallback) => state.print(options, callback)) };
    loadURL = vi.fn((url: string) => state.load(url));
    destroy = vi.fn(() => {
      this.destroyed = true;
    });
    isDestroyed = () => this.destroyed;
    constructor(readonly options: Record<string, unknown>) {
      state.windows.push(this);
    }
  }
  const printSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  };
  return {
    state,
    printSession,
    BrowserWindow,
    session: { fromPartition: vi.fn(() => printSession) },
    shell: { openExternal: vi.fn() },
  };
});
vi.mock('electron', () => electron);

import { hardenedPrintSession, htmlDataUrl, printHtml, printOptions, PRINT_PARTITION } from '../../electron/main/printing.js';
import { isNavigationAllowed } from '../../electron/main/security.js';

const slip = { html: '<p>A001 号</p>', printerName: 'XP-58', pageWidthMicrons: 58000 };

beforeEach(() => {
  electron.state.windows.length = 0;
  electron.state.load = () => Promise.resolve();
  electron.state.print = (_options, callback) => callback(true, '');
});

describe('printOptions', () => {
  it('prints a slip silently on the named printer at its width', () => {
    expect(printOptions(slip)).toEqual({
      silent: true,
      printBackground: true,
      deviceName: 'XP-58',
      margins: { marginType: 'none' },
      pageSize: { width: 58000, height: 150000 },
    });
  });

  it('prints a notice on A4 on the default printer', () => {
    expect(printOptions({ html: '<p/>', printerName: '' })).toEqual({
      silent: true,
      printBackground: true,
      margins: { marginType: 'none' },
      pageSize: 'A4',
    });
  });
});

describe('htmlDataUrl', () => {
  it('carries the document as UTF-8 base64', () => {
    const url = htmlDataUrl('<p>号</p>');
    expect(url).toBe('data:text/html;charset=utf-8;base64,PHA+5Y+3PC9wPg==');
    expect(Buffer.from(url.split(',')[1] ?? '', 'base64').toString('utf8')).toBe('<p>号</p>');
  });
});

describe('hardenedPrintSession', () => {
  it('is an in-memory partition with every permission and every non-data request refused', () => {
    hardenedPrintSession();
    expect(electron.session.fromPartition).toHaveBeenCalledWith(PRINT_PARTITION);
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false);
    const listener = electron.printSession.webRequest.onBeforeRequest.mock.calls[0]?.[0] as (
      details: { url: string },
      callback: (response: { cancel: boolean }) => void,
    ) => void;
    const decide = (url: string) => {
      const callback = vi.fn();
      listener({ url }, callback);
      return callback.mock.calls[0]?.[0];
    };
    expect(decide('data:text/html;base64,PHA+')).toEqual({ cancel: false });
    expect(decide('https://evil.example/pixel.png')).toEqual({ cancel: true });
    expect(decide('app://hall/index.html')).toEqual({ cancel: true });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
    const check = electron.printSession.setPermissionCheckHandler.mock.calls[0]?.[0] as () => boolean;
    expect(check()).toBe(false);
  });
});

describe('printHtml', () => {
  it('loads the document in a hidden, script-less window, prints it and closes the window', async () => {
    await expect(printHtml(slip)).resolves.toEqual({ ok: true });
    const window = electron.state.windows[0];
    expect(window?.options).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, devTools: false } });
    expect(window?.options.webPreferences).not.toHaveProperty('preload');
    expect(window?.loadURL).toHaveBeenCalledExactlyOnceWith(htmlDataUrl(slip.html));
    expect(window?.webContents.print).toHaveBeenCalledExactlyOnceWith(printOptions(slip), expect.any(Function));
    expect(window?.destroy).toHaveBeenCalledTimes(1);
  });

  it('lets the print window navigate only to its own document', async () => {
    await printHtml(slip);
    const contents = electron.state.windows[0]?.webContents as never;
    expect(isNavigationAllowed(contents, htmlDataUrl(slip.html))).toBe(true);
    expect(isNavigationAllowed(contents, 'app://hall/index.html')).toBe(false);
    expect(isNavigationAllowed(contents, 'https://evil.example/')).toBe(false);
  });

  it("reports the printer's failure and still closes the window", async () => {
    electron.state.print = (_options, callback) => callback(false, 'Printer is offline');
    await expect(printHtml(slip)).resolves.toEqual({ ok: false, error: 'Printer is offline' });
    expect(electron.state.windows[0]?.destroy).toHaveBeenCalledTimes(1);
  });

  it('reports a failed load and still closes the window', async () => {
    electron.state.load = () => Promise.reject(new Error('ERR_INVALID_URL (-300) loading data:'));
    await expect(printHtml(slip)).resolves.toEqual({ ok: false, error: 'ERR_INVALID_URL (-300) loading data:' });
    expect(electron.state.windows[0]?.webContents.print).not.toHaveBeenCalled();
    expect(electron.state.windows[0]?.destroy).toHaveBeenCalledTimes(1);
  });

  describe('when the printer never answers', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('gives up after the timeout and closes the window', async () => {
      electron.state.print = () => undefined;
      const result = printHtml(slip, 30_000);
      await vi.advanceTimersByTimeAsync(29_999);
      expect(electron.state.windows[0]?.destroy).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      await expect(result).resolves.toEqual({ ok: false, error: 'print timed out after 30 s' });
      expect(electron.state.windows[0]?.destroy).toHaveBeenCalledTimes(1);
    });
  });
});
