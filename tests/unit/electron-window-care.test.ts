import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allowAutoplay, keepAwake, needsDisplayAwake, reloadWhenBroken, type CaredWindow } from '../../electron/main/window-care.js';
import { onAllWindowsClosed, quitQuestion, trayMenu } from '../../electron/main/host-tray.js';
import { loadDesktopTexts } from '../../electron/main/messages.js';

class FakeWindow extends EventEmitter implements CaredWindow {
  destroyed = false;
  webContents = Object.assign(new EventEmitter(), { reload: vi.fn() });
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

describe('power-save blocker', () => {
  it('keeps the display and the kiosk awake, not staff or rating PCs', () => {
    expect(needsDisplayAwake('display')).toBe(true);
    expect(needsDisplayAwake('kiosk')).toBe(true);
    expect(needsDisplayAwake('staff')).toBe(false);
    expect(needsDisplayAwake('rating')).toBe(false);
  });

  it('holds the screen on while the window lives and lets go when it closes', () => {
    const blocker = { start: vi.fn(() => 17), stop: vi.fn() };
    const window = new FakeWindow();
    keepAwake(window, blocker);
    expect(blocker.start).toHaveBeenCalledExactlyOnceWith('prevent-display-sleep');
    expect(blocker.stop).not.toHaveBeenCalled();
    window.emit('closed');
    expect(blocker.stop).toHaveBeenCalledExactlyOnceWith(17);
  });
});

describe('crash and hang reload', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const options = { reloadDelayMs: 1_000, hangGraceMs: 30_000, log: vi.fn() };

  it('reloads a crashed renderer after a delay that grows with repeated crashes', () => {
    const window = new FakeWindow();
    reloadWhenBroken(window, options);
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    vi.advanceTimersByTime(999);
    expect(window.webContents.reload).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(window.webContents.reload).toHaveBeenCalledTimes(1);
    window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
    vi.advanceTimersByTime(1_999);
    expect(window.webContents.reload).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(window.webContents.reload).toHaveBeenCalledTimes(2);
  });

  it('does not reload after a clean exit or once the window is gone', () => {
    const window = new FakeWindow();
    reloadWhenBroken(window, options);
    window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    vi.advanceTimersByTime(120_000);
    expect(window.webContents.reload).not.toHaveBeenCalled();
    window.webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    window.destroyed = true;
    vi.advanceTimersByTime(120_000);
    expect(window.webContents.reload).not.toHaveBeenCalled();
  });

  it('reloads a page that stays unresponsive past the grace time, not one that recovers', () => {
    const window = new FakeWindow();
    reloadWhenBroken(window, options);
    window.webContents.emit('unresponsive');
    vi.advanceTimersByTime(20_000);
    window.webContents.emit('responsive');
    vi.advanceTimersByTime(60_000);
    expect(window.webContents.reload).not.toHaveBeenCalled();
    window.webContents.emit('unresponsive');
    window.webContents.emit('unresponsive');
    vi.advanceTimersByTime(30_000);
    expect(window.webContents.reload).toHaveBeenCalledTimes(1);
  });
});

describe('autoplay', () => {
  it("turns off Chromium's user-gesture rule for sound, so the display speaks its first call unprompted", () => {
    const commandLine = { appendSwitch: vi.fn() };
    allowAutoplay(commandLine);
    expect(commandLine.appendSwitch).toHaveBeenCalledExactlyOnceWith('autoplay-policy', 'no-user-gesture-required');
  });
});

describe('host mode in the tray', () => {
  const zh = loadDesktopTexts(null, 'zh-CN');
  const en = loadDesktopTexts(null, 'en-US');

  it('a host keeps running when its windows close, with the notice only the first time; a terminal quits', () => {
    expect(onAllWindowsClosed('host', false)).toBe('keep-running-with-notice');
    expect(onAllWindowsClosed('host', true)).toBe('keep-running');
    expect(onAllWindowsClosed('terminal', false)).toBe('quit');
    expect(onAllWindowsClosed(null, false)).toBe('quit');
  });

  it('asks before quitting and says how many terminals are connected; cancel is the default', () => {
    const question = quitQuestion(zh, 5);
    expect(question.detail).toBe('当前有 5 个终端连接在本机。');
    expect(question.buttons).toEqual(['停止服务并退出', '取消']);
    expect(question.defaultId).toBe(1);
    expect(question.cancelId).toBe(1);
    expect(quitQuestion(en, 0).detail).toBe('0 terminals are connected to this PC now.');
    expect(quitQuestion(zh, null).detail).toBe('无法得知当前连接的终端数量。');
  });

  it('the tray menu opens the windows, the set-up, and quits through the question', () => {
    const actions = { openWindows: vi.fn(), openSetup: vi.fn(), quit: vi.fn() };
    const menu = trayMenu(zh, actions);
    expect(menu.map((item) => item.label)).toEqual(['打开窗口', '设置…', '退出并停止大厅服务…']);
    menu[2]?.click();
    expect(actions.quit).toHaveBeenCalledOnce();
    expect(actions.openWindows).not.toHaveBeenCalled();
  });
});
