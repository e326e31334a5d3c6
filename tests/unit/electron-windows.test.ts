import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const created: Array<{ options: Record<string, unknown>; setMenu: ReturnType<typeof vi.fn> }> = [];
  class BrowserWindow {
    setMenu = vi.fn();
    once = vi.fn();
    on = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      created.push(this);
    }
  }
  const primary = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  const second = { id: 2779098405, bounds: { x: 1920, y: 0, width: 1080, height: 1920 }, workArea: { x: 1920, y: 0, width: 1080, height: 1880 } };
  return {
    created,
    primary,
    second,
    BrowserWindow,
    screen: { getAllDisplays: vi.fn(() => [primary, second]), getPrimaryDisplay: vi.fn(() => primary) },
    shell: { openExternal: vi.fn() },
  };
});
vi.mock('electron', () => electron);

import { desktopLanguage, loadDesktopTexts } from '../../electron/main/messages.js';
import { TerminalRegistry } from '../../electron/main/terminal-registry.js';
import { chooseDisplay, pageForRole, placeWindow } from '../../electron/main/window-placement.js';
import { createRoleWindow } from '../../electron/main/windows.js';

const { primary, second } = electron;

beforeEach(() => {
  electron.created.length = 0;
});

describe('chooseDisplay', () => {
  it('takes the configured display, the primary for 0, and the primary when that screen is gone', () => {
    expect(chooseDisplay([primary, second], primary, 2779098405)).toBe(second);
    expect(chooseDisplay([primary, second], primary, 0)).toBe(primary);
    expect(chooseDisplay([primary], primary, 2779098405)).toBe(primary);
  });
});

describe('placeWindow', () => {
  it('puts kiosk and display full-screen in kiosk mode over the whole screen, without menu', () => {
    const expected = { bounds: second.bounds, kiosk: true, fullscreen: true, maximize: false, showMenu: false };
    expect(placeWindow('kiosk', second)).toEqual(expected);
    expect(placeWindow('display', second)).toEqual(expected);
  });

  it('gives staff and rating a normal maximised window in the work area', () => {
    const expected = { bounds: second.workArea, kiosk: false, fullscreen: false, maximize: true, showMenu: true };
    expect(placeWindow('staff', second)).toEqual(expected);
    expect(placeWindow('rating', second)).toEqual(expected);
  });
});

describe('pageForRole', () => {
  it('maps each role to its renderer page', () => {
    expect(['staff', 'kiosk', 'display', 'rating'].map((role) => pageForRole(role as never))).toEqual([
      'index.html',
      'kiosk.html',
      'display.html',
      'rating.html',
    ]);
  });
});

describe('createRoleWindow', () => {
  const base = { preloadPath: '/app/dist/electron/main/preload.cjs', devTools: false, title: '乡镇便民服务中心' };

  it('opens the calling display in kiosk mode on its screen, secure, allowed to speak unprompted', () => {
    createRoleWindow({ ...base, role: 'display', displayId: 2779098405 });
    const window = electron.created[0];
    expect(window?.options).toMatchObject({ x: 1920, y: 0, width: 1080, height: 1920, kiosk: true, fullscreen: true, show: false });
    expect(window?.options.webPreferences).toEqual({
      preload: '/app/dist/electron/main/preload.cjs',
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
      // Its preload exposes only the display's calls (preload.cts reads this argument).
      additionalArguments: ['--hall-window=display'],
      devTools: false,
      autoplayPolicy: 'no-user-gesture-required',
    });
    expect(window?.setMenu).toHaveBeenCalledExactlyOnceWith(null);
  });

  it('opens a staff window on the primary screen when its screen is missing, with menu and default autoplay', () => {
    createRoleWindow({ ...base, role: 'staff', displayId: 42 });
    const window = electron.created[0];
    expect(window?.options).toMatchObject({ x: 0, y: 0, width: 1920, height: 1040, kiosk: false, fullscreen: false });
    expect(window?.options.webPreferences).not.toHaveProperty('autoplayPolicy');
    expect(window?.setMenu).not.toHaveBeenCalled();
  });
});

describe('TerminalRegistry', () => {
  it('lists each configured host once for the CSP', () => {
    const registry = new TerminalRegistry();
    registry.add({ contentsId: 1, role: 'staff', index: 0, config: { hostUrl: 'http://127.0.0.1:8620', role: 'staff' } });
    registry.add({ contentsId: 2, role: 'kiosk', index: 1, config: { hostUrl: 'http://127.0.0.1:8620', role: 'kiosk' } });
    registry.setConfig(2, { hostUrl: 'http://10.0.0.5:8620', role: 'kiosk' });
    expect(registry.hostUrls()).toEqual(['http://127.0.0.1:8620', 'http://10.0.0.5:8620']);
    registry.remove(2);
    expect(registry.hostUrls()).toEqual(['http://127.0.0.1:8620']);
    expect(registry.get(2)).toBeNull();
  });
});

describe('desktop texts', () => {
  const resources = mkdtempSync(path.join(os.tmpdir(), 'hall-resources-'));
  mkdirSync(path.join(resources, 'locales'));
  writeFileSync(path.join(resources, 'locales', 'zh-CN.json'), JSON.stringify({ desktop: { retry: '再试一次' } }));
  afterAll(() => rmSync(resources, { recursive: true, force: true }));

  it('prefers the locale file and falls back to the built-in text', () => {
    const t = loadDesktopTexts(resources, 'zh-CN');
    expect(t('retry')).toBe('再试一次');
    expect(t('hallStartFailed', { reason: '端口被占用' })).toBe('大厅服务未能启动：端口被占用');
  });

  it('speaks English only when the OS does', () => {
    expect(desktopLanguage('en-US')).toBe('en');
    expect(desktopLanguage('zh-TW')).toBe('zh-CN');
    expect(desktopLanguage('ug')).toBe('zh-CN');
    expect(loadDesktopTexts(null, 'en-GB')('quit')).toBe('Quit');
  });
});
