// One BrowserWindow per terminal role, placed on its configured screen. Windows are returned
// unloaded so the caller can register the terminal (and so its CSP host) before the first request.
import { BrowserWindow, screen, type BrowserWindowConstructorOptions } from 'electron';
import type { TerminalRole } from '../contract/desktop.js';
import { secureWebPreferences } from './security.js';
import { chooseDisplay, isCitizenFacing, placeWindow } from './window-placement.js';

export interface RoleWindowOptions {
  role: TerminalRole;
  displayId: number;
  preloadPath: string;
  devTools: boolean;
  title: string;
}

export function roleWindowOptions(options: RoleWindowOptions, display: Parameters<typeof placeWindow>[1]): BrowserWindowConstructorOptions {
  const placement = placeWindow(options.role, display);
  return {
    ...placement.bounds,
    title: options.title,
    show: false,
    kiosk: placement.kiosk,
    fullscreen: placement.fullscreen,
    autoHideMenuBar: !placement.showMenu,
    backgroundColor: '#ffffff',
    webPreferences: {
      ...secureWebPreferences(options.preloadPath),
      devTools: options.devTools,
      // The calling display speaks and chimes without anyone touching it; the kiosk confirms aloud.
      ...(isCitizenFacing(options.role) ? { autoplayPolicy: 'no-user-gesture-required' as const } : {}),
    },
  };
}

export function createRoleWindow(options: RoleWindowOptions): BrowserWindow {
  const display = chooseDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay(), options.displayId);
  const windowOptions = roleWindowOptions(options, display);
  const window = new BrowserWindow(windowOptions);
  if (windowOptions.kiosk) window.setMenu(null);
  const maximize = !windowOptions.kiosk;
  window.once('ready-to-show', () => {
    if (maximize) window.maximize();
    window.show();
  });
  return window;
}

/** The first-run set-up page: an ordinary window on the primary screen. */
export function createSetupWindow(preloadPath: string, devTools: boolean, title: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 960,
    height: 720,
    title,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: { ...secureWebPreferences(preloadPath), devTools },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}

/**
 * A citizen must not close the kiosk or display with a keyboard shortcut; the admin leaves kiosk
 * mode with the PIN first. Quitting the app still closes everything.
 */
export function keepOpenWhileKiosk(window: BrowserWindow, isQuitting: () => boolean): void {
  window.on('close', (event) => {
    if (!isQuitting() && window.isKiosk()) event.preventDefault();
  });
}
