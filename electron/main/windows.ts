// One BrowserWindow per terminal role, placed on its configured screen. Windows are returned
// unloaded so the caller can register the terminal (and so its CSP host) before the first request.
import { BrowserWindow, screen, type BrowserWindowConstructorOptions } from 'electron';
import { WINDOW_ROLE_ARG, type TerminalRole, type WindowRole } from '../contract/desktop.js';
import { secureWebPreferences } from './security.js';
import { chooseDisplay, isCitizenFacing, placeWindow } from './window-placement.js';

export interface RoleWindowOptions {
  role: TerminalRole;
  displayId: number;
  preloadPath: string;
  devTools: boolean;
  title: string;
  /** resources/icons/icon.png: the taskbar icon on Linux (Windows takes the exe's). */
  icon?: string;
}

/** Tells the window's preload which calls to expose (preload.cts); the main process checks again per call. */
export function roleArguments(role: WindowRole): { additionalArguments: string[] } {
  return { additionalArguments: [`${WINDOW_ROLE_ARG}${role}`] };
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
      ...roleArguments(options.role),
      devTools: options.devTools,
      // The calling display speaks and chimes without anyone touching it; the kiosk confirms aloud.
      ...(isCitizenFacing(options.role) ? { autoplayPolicy: 'no-user-gesture-required' as const } : {}),
    },
  };
}

export function createRoleWindow(options: RoleWindowOptions): BrowserWindow {
  const display = chooseDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay(), options.displayId);
  const windowOptions = roleWindowOptions(options, display);
  const window = new BrowserWindow({ ...windowOptions, icon: options.icon });
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
    webPreferences: { ...secureWebPreferences(preloadPath), ...roleArguments('setup'), devTools },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}

/**
 * Puts a window back on its configured screen after screens come and go (a display unplugged and
 * plugged back in, a projector added): kiosk windows cover that screen again, staff ones fit its work area.
 */
export function replaceWindow(window: BrowserWindow, role: TerminalRole, displayId: number): void {
  if (window.isDestroyed()) return;
  const display = chooseDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay(), displayId);
  const placement = placeWindow(role, display);
  const kiosk = window.isKiosk();
  // Kiosk windows must leave kiosk mode to move (Windows keeps them on their old monitor otherwise).
  if (kiosk) window.setKiosk(false);
  window.setBounds(placement.bounds);
  if (kiosk) window.setKiosk(true);
  else if (placement.maximize) window.maximize();
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
