// App lifecycle: one instance per PC, security before any window, the set-up (first run or
// setup.json), the hall service in host mode, then one window per configured terminal role.
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import type { AppSetup } from '../contract/desktop.js';
import { preloadPath, rendererDir, resourcesDir } from './app-paths.js';
import { handleAppProtocol, registerAppScheme } from './app-protocol.js';
import { createHallService, startHallOrAsk } from './hall-host.js';
import type { HallService } from './hall-process.js';
import { registerIpcHandlers } from './ipc.js';
import { loadDesktopTexts, type DesktopTexts } from './messages.js';
import { PinAttemptLimiter } from './pin-attempts.js';
import { printHtml } from './printing.js';
import { APP_ORIGIN, installSecurity } from './security.js';
import type { SetupFile } from './setup-file.js';
import { readSetupFile, setAsideSetupFile, SetupFileError, SetupStore } from './setup-store.js';
import { TerminalRegistry } from './terminal-registry.js';
import { pageForRole } from './window-placement.js';
import { createRoleWindow, createSetupWindow, keepOpenWhileKiosk } from './windows.js';

const terminals = new TerminalRegistry();
let hall: HallService | null = null;
let quitting = false;
let texts: DesktopTexts = loadDesktopTexts(null, 'zh-CN');
const isQuitting = (): boolean => quitting;

// Both must happen before `ready`: Chromium fixes scheme privileges and the sandbox at start.
registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the hall's database and port; it is asked to come forward instead.
  app.quit();
} else {
  app.on('second-instance', focusFirstWindow);
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', stopHallBeforeQuit);
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox(texts('appTitle'), error instanceof Error ? (error.stack ?? error.message) : String(error));
    app.exit(1);
  });
}

function focusFirstWindow(): void {
  const window = BrowserWindow.getAllWindows()[0];
  if (window === undefined) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function stopHallBeforeQuit(event: Electron.Event): void {
  quitting = true;
  const running = hall;
  if (running === null) return;
  // Hold the quit until the service has closed its database, then quit for real.
  event.preventDefault();
  hall = null;
  running
    .stop()
    .catch((error: unknown) => console.error('stopping the hall service failed', error))
    .finally(() => app.quit());
}

async function start(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId('cn.gov.township.servicehall');
  // The default menu offers reload and developer tools; a packaged hall has no use for either.
  if (app.isPackaged) Menu.setApplicationMenu(null);
  installSecurity(app, session.defaultSession);
  handleAppProtocol(rendererDir(), () => terminals.hostUrls());
  texts = loadDesktopTexts(resourcesDir(), app.getLocale());

  const userData = app.getPath('userData');
  const file = await loadSetup(userData);
  const store = new SetupStore(userData, file);
  registerIpcHandlers({
    store,
    terminals,
    pinAttempts: new PinAttemptLimiter(),
    printHtml: (request) => printHtml(request),
    onSetupSaved: (saved, firstRun) => void afterSetupSaved(saved, firstRun),
  });

  // `--setup` lets an administrator change an existing set-up; saving it then needs the admin PIN.
  if (file === null || app.commandLine.hasSwitch('setup')) {
    openSetupWindow();
    return;
  }
  await openTerminals(file.setup);
}

/** The saved set-up, or null for first run; a damaged file is set aside and set-up runs again. */
async function loadSetup(userData: string): Promise<SetupFile | null> {
  try {
    return await readSetupFile(userData);
  } catch (error) {
    if (!(error instanceof SetupFileError)) throw error;
    const aside = await setAsideSetupFile(userData);
    await dialog.showMessageBox({ type: 'warning', title: texts('appTitle'), message: texts('setupDamaged', { reason: error.message, path: aside }) });
    return null;
  }
}

let setupWindow: BrowserWindow | null = null;

function openSetupWindow(): void {
  setupWindow = createSetupWindow(preloadPath(), !app.isPackaged, texts('setupTitle'));
  setupWindow.on('closed', () => (setupWindow = null));
  loadPage(setupWindow, 'setup.html');
}

async function afterSetupSaved(saved: SetupFile, firstRun: boolean): Promise<void> {
  if (!firstRun) {
    // A changed mode, port or screen layout is simplest to apply from a clean start, without
    // `--setup`, or the app would come back to the set-up page.
    app.relaunch({ args: process.argv.slice(1).filter((arg) => arg !== '--setup') });
    app.quit();
    return;
  }
  const previous = setupWindow;
  await openTerminals(saved.setup);
  // Closed only now, so the app never has zero windows while the hall starts.
  previous?.close();
}

async function openTerminals(setup: AppSetup): Promise<void> {
  let hostUrl = setup.hostUrl;
  if (setup.mode === 'host') {
    hall = createHallService(setup, texts);
    const local = await startHallOrAsk(hall, texts, isQuitting);
    if (local === null) {
      app.quit();
      return;
    }
    hostUrl = local;
  }
  setup.windows.forEach((entry, index) => {
    const window = createRoleWindow({
      role: entry.role,
      displayId: entry.displayId,
      preloadPath: preloadPath(),
      devTools: !app.isPackaged,
      title: texts('appTitle'),
    });
    const contentsId = window.webContents.id;
    // Registered before the first request, so the page's CSP already allows its host.
    terminals.add({
      contentsId,
      role: entry.role,
      index,
      config: { hostUrl, role: entry.role, ...(entry.deviceToken === undefined ? {} : { deviceToken: entry.deviceToken }) },
    });
    window.on('closed', () => terminals.remove(contentsId));
    keepOpenWhileKiosk(window, isQuitting);
    loadPage(window, pageForRole(entry.role));
  });
}

/** A page that fails to load (renderer not built, window closed early) is logged, not left as an unhandled rejection. */
function loadPage(window: BrowserWindow, page: string): void {
  window.loadURL(`${APP_ORIGIN}/${page}`).catch((error: unknown) => console.error(`loading ${page} failed`, error));
}
