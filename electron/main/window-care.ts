// Keeps the screens a hall leaves alone working without anyone at them: the display and kiosk
// never sleep, a renderer that crashes or hangs is reloaded, and windows go back to their
// screens when monitors come and go. Electron is passed in (the parts used), so tests drive it.
import type { TerminalRole } from '../contract/desktop.js';
import { isCitizenFacing } from './window-placement.js';

/** The parts of a BrowserWindow used here. */
export interface CaredWindow {
  isDestroyed(): boolean;
  webContents: {
    reload(): void;
    on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): unknown;
    on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  };
  on(event: 'closed', listener: () => void): unknown;
}

export interface PowerSaveBlockerLike {
  start(type: 'prevent-app-suspension' | 'prevent-display-sleep'): number;
  stop(id: number): void;
}

export interface CareOptions {
  /** A crashed renderer is reloaded after this; a crash loop is slowed by the backoff below. */
  reloadDelayMs: number;
  /** A page that stays unresponsive this long is reloaded. */
  hangGraceMs: number;
  log(line: string): void;
}

export const CARE_DEFAULTS: Omit<CareOptions, 'log'> = { reloadDelayMs: 1_000, hangGraceMs: 30_000 };
/** Reasons that are not a crash: the app closing the window or quitting. */
const NOT_A_CRASH = new Set(['clean-exit']);

/** The display and the kiosk keep the screen on; staff and rating PCs follow the OS's power plan. */
export function needsDisplayAwake(role: TerminalRole): boolean {
  return isCitizenFacing(role);
}

/** Holds the screen awake for as long as the window exists. */
export function keepAwake(window: CaredWindow, blocker: PowerSaveBlockerLike): void {
  const id = blocker.start('prevent-display-sleep');
  window.on('closed', () => blocker.stop(id));
}

/**
 * Reloads the page when its renderer process is gone (crash, OOM, killed) or hangs. Consecutive
 * crashes wait longer each time (up to a minute), so a page that crashes at load does not spin.
 */
export function reloadWhenBroken(window: CaredWindow, options: CareOptions, timers = { setTimeout, clearTimeout }): void {
  let crashes = 0;
  let hangTimer: ReturnType<typeof setTimeout> | null = null;
  const reload = (): void => {
    if (!window.isDestroyed()) window.webContents.reload();
  };
  window.webContents.on('render-process-gone', (_event, details) => {
    if (NOT_A_CRASH.has(details.reason)) return;
    crashes += 1;
    const delay = Math.min(options.reloadDelayMs * 2 ** (crashes - 1), 60_000);
    options.log(`renderer gone (${details.reason}, exit ${details.exitCode}); reload in ${delay} ms`);
    timers.setTimeout(reload, delay);
  });
  window.webContents.on('unresponsive', () => {
    if (hangTimer !== null) return;
    hangTimer = timers.setTimeout(() => {
      hangTimer = null;
      options.log('renderer unresponsive; reloading');
      reload();
    }, options.hangGraceMs);
  });
  window.webContents.on('responsive', () => {
    if (hangTimer !== null) timers.clearTimeout(hangTimer);
    hangTimer = null;
    // A page that answers again after a crash reload is healthy: the next crash starts from the short delay.
    crashes = 0;
  });
}

/** Chromium's autoplay switch: the calling display speaks its first call with nobody touching it. */
export const AUTOPLAY_SWITCH = ['autoplay-policy', 'no-user-gesture-required'] as const;

export function allowAutoplay(commandLine: { appendSwitch(name: string, value?: string): void }): void {
  commandLine.appendSwitch(...AUTOPLAY_SWITCH);
}
