import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ shell: { openExternal: vi.fn(async () => undefined) } }));
vi.mock('electron', () => electron);

import {
  allowOnlyUrl,
  checkIpcSender,
  contentSecurityPolicy,
  installSecurity,
  isAllowedExternalUrl,
  isAppUrl,
  isNavigationAllowed,
  secureWebPreferences,
} from '../../electron/main/security.js';

type Listener = (...args: unknown[]) => void;

/** Just enough of WebContents and App to drive the listeners installSecurity attaches. */
function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    on(name: string, listener: Listener) {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
      return this;
    },
    emit(name: string, ...args: unknown[]) {
      for (const listener of listeners.get(name) ?? []) listener(...args);
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
    open(url: string) {
      if (openHandler === null) throw new Error('no window open handler installed');
      return openHandler({ url });
    },
  };
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

function installed() {
  const appListeners = new Map<string, Listener>();
  const app = { on: vi.fn((name: string, listener: Listener) => appListeners.set(name, listener)) };
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };
  installSecurity(app as never, session as never);
  const contents = fakeContents();
  const created = appListeners.get('web-contents-created');
  if (created === undefined) throw new Error('web-contents-created not handled');
  created({}, contents);
  return { contents, session };
}

beforeEach(() => electron.shell.openExternal.mockClear());

describe('secureWebPreferences', () => {
  it('turns every isolation setting on and every risky feature off', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      experimentalFeatures: false,
    });
  });

  it('has no preload key at all when none is given', () => {
    expect('preload' in secureWebPreferences()).toBe(false);
  });
});

describe('installSecurity on new web contents', () => {
  it('prevents navigation to another site and allows app://hall pages', () => {
    const { contents } = installed();
    const evil = navigationEvent('https://evil.example/');
    contents.emit('will-navigate', evil);
    expect(evil.preventDefault).toHaveBeenCalledTimes(1);

    const ours = navigationEvent('app://hall/x');
    contents.emit('will-navigate', ours);
    expect(ours.preventDefault).not.toHaveBeenCalled();
  });

  it('prevents redirects away from app://hall', () => {
    const { contents } = installed();
    const redirect = navigationEvent('http://127.0.0.1:8620/phish');
    contents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalledTimes(1);
    const lookalike = navigationEvent('app://hall.evil/index.html');
    contents.emit('will-navigate', lookalike);
    expect(lookalike.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('denies every new window and opens only allow-listed sites externally', () => {
    const { contents } = installed();
    expect(contents.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(contents.open('app://hall/kiosk.html')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();

    expect(contents.open('https://www.gjzwfw.gov.cn/col/col641/index.html')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://www.gjzwfw.gov.cn/col/col641/index.html');
  });

  it('prevents attaching a webview', () => {
    const { contents } = installed();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example' });
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('denies every permission request and check', () => {
    const { session } = installed();
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (wc: unknown, p: string, cb: (ok: boolean) => void) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (wc: unknown, p: string) => boolean;
    expect(check({}, 'media')).toBe(false);
    expect(check(null, 'clipboard-sanitized-write')).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as (details: unknown) => boolean;
    expect(device({ deviceType: 'usb' })).toBe(false);
  });
});

describe('single-URL web contents (the print window)', () => {
  it('may navigate only to its own data: URL, not even to app://hall', () => {
    const contents = {} as never;
    const document = 'data:text/html;charset=utf-8;base64,PHA+MTwvcD4=';
    allowOnlyUrl(contents, document);
    expect(isNavigationAllowed(contents, document)).toBe(true);
    expect(isNavigationAllowed(contents, 'data:text/html,<p>other</p>')).toBe(false);
    expect(isNavigationAllowed(contents, 'app://hall/index.html')).toBe(false);
  });

  it('leaves other web contents unable to load data: URLs', () => {
    expect(isNavigationAllowed({} as never, 'data:text/html;charset=utf-8;base64,PHA+MTwvcD4=')).toBe(false);
    expect(isNavigationAllowed({} as never, 'app://hall/display.html')).toBe(true);
  });
});

describe('isAllowedExternalUrl', () => {
  it('accepts allow-listed https sites', () => {
    expect(isAllowedExternalUrl('https://www.gjzwfw.gov.cn/')).toBe(true);
    expect(isAllowedExternalUrl('https://zwfw.jiangsu.gov.cn/art/2024/1/1/art_1.html?x=1')).toBe(true);
  });

  it.each([
    ['plain http', 'http://www.gjzwfw.gov.cn/'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['a lookalike suffix', 'https://www.gjzwfw.gov.cn.evil.com/'],
    ['the name in the query', 'https://evil.com/?www.gjzwfw.gov.cn'],
    ['the name in the path', 'https://evil.com/www.gjzwfw.gov.cn'],
    ['user info', 'https://www.gjzwfw.gov.cn@evil.com/'],
    ['user info on an allowed host', 'https://evil.com@www.gjzwfw.gov.cn/'],
    ['a sub-domain', 'https://x.www.gjzwfw.gov.cn/'],
    ['another port', 'https://www.gjzwfw.gov.cn:8443/'],
    ['not a URL', 'www.gjzwfw.gov.cn'],
    ['not a string', 42],
  ])('rejects %s', (_name, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('accepts app://hall pages only', () => {
    expect(isAppUrl('app://hall/index.html')).toBe(true);
    expect(isAppUrl('app://hall/')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('app://user@hall/index.html')).toBe(false);
    expect(isAppUrl('https://hall/index.html')).toBe(false);
    expect(isAppUrl('file:///app/index.html')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});

describe('contentSecurityPolicy', () => {
  it('is exactly the agreed policy with the host and its WebSocket origin in connect-src', () => {
    expect(contentSecurityPolicy('http://192.168.1.20:8620/some/path')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "media-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' http://192.168.1.20:8620 ws://192.168.1.20:8620; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('uses wss for an https host and never allows eval', () => {
    const policy = contentSecurityPolicy('https://hall.example.gov.cn');
    expect(policy).toContain("connect-src 'self' https://hall.example.gov.cn wss://hall.example.gov.cn;");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('*');
  });

  it('lists several hosts once each and drops unusable ones', () => {
    const policy = contentSecurityPolicy(['http://127.0.0.1:8620', 'http://127.0.0.1:8620', 'javascript:alert(1)', 'nonsense']);
    expect(policy).toContain("connect-src 'self' http://127.0.0.1:8620 ws://127.0.0.1:8620;");
    expect(contentSecurityPolicy(null)).toContain("connect-src 'self';");
  });
});

describe('checkIpcSender', () => {
  it('accepts a frame showing app://hall', () => {
    expect(checkIpcSender({ senderFrame: { url: 'app://hall/index.html' } } as never)).toBe(true);
  });

  it('rejects another origin, a missing frame and a disposed one', () => {
    expect(checkIpcSender({ senderFrame: { url: 'https://evil.example/' } } as never)).toBe(false);
    expect(checkIpcSender({ senderFrame: { url: 'app://hall.evil.example/index.html' } } as never)).toBe(false);
    expect(checkIpcSender({ senderFrame: null } as never)).toBe(false);
    const disposed = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(checkIpcSender(disposed as never)).toBe(false);
  });
});
