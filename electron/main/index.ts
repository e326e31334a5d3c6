// App lifecycle: one instance per PC, security before any window, the set-up (first run or
// setup.json), the hall service in host mode (kept up in the tray), then one window per configured
// terminal role, each kept awake, reloaded when broken and put back on its screen.
import { app, BrowserWindow, dialog, Menu, powerSaveBlocker, screen, session, Tray } from 'electron';
import type { AppSetup, WindowRole } from '../contract/desktop.js';
import { iconPath, preloadPath, rendererDir, resourcesDir, trayIconPath } from './app-paths.js';
import { handleAppProtocol, registerAppScheme } from './app-protocol.js';
import { createHallService, startHallOrAsk } from './hall-host.js';
import { hallMaintenance } from './hall-maintenance.js';
import type { HallService } from './hall-process.js';
import { probeHost } from './host-probe.js';
import { onAllWindowsClosed, quitQuestion, trayMenu } from './host-tray.js';
import { registerIpcHandlers } from './ipc.js';
import { allowsLocalNetwork } from './lan-permission.js';
import { applyLoginItem } from './login-item.js';
import { loadDesktopTexts, type DesktopTexts } from './messages.js';
import { PinAttemptLimiter } from './pin-attempts.js';
import { listPrinters, printHtml } from './printing.js';
import { APP_ORIGIN, installSecurity } from './security.js';
import type { SetupFile } from './setup-file.js';
import { readSetupFile, setAsideSetupFile, SetupFileError, SetupStore } from './setup-store.js';
import { TerminalRegistry } from './terminal-registry.js';
import { allowAutoplay, CARE_DEFAULTS, keepAwake, needsDisplayAwake, reloadWhenBroken } from './window-care.js';
import { pageForRole } from './window-placement.js';
import { createRoleWindow, createSetupWindow, keepOpenWhileKiosk, replaceWindow } from './windows.js';

const terminals = new TerminalRegistry();
let store: SetupStore | null = null;
let hall: HallService | null = null;
let tray: Tray | null = null;
let quitting = false;
let closedNoticeShown = false;
let texts: DesktopTexts = loadDesktopTexts(null, 'zh-CN');
let setupWindow: BrowserWindow | null = null;
const placed = new Map<BrowserWindow, { role: AppSetup['windows'][number]['role']; displayId: number }>();
const isQuitting = (): boolean => quitting;

// All before `ready`: Chromium fixes scheme privileges, the sandbox and its switches at start.
registerAppScheme();
app.enableSandbox();
allowAutoplay(app.commandLine);

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the hall's database and port; it is asked to come forward (or to open
  // the set-up, for `--setup`) instead.
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => (argv.includes('--setup') ? openSetupWindow() : openWindows()));
  app.on('window-all-closed', keepHostRunning);
  app.on('before-quit', stopHallBeforeQuit);
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox(texts('appTitle'), error instanceof Error ? (error.stack ?? error.message) : String(error));
    app.exit(1);
  });
}

/** Terminal mode quits with its last window; a host keeps serving the LAN from the tray. */
function keepHostRunning(): void {
  const mode = hall === null ? null : (store?.current()?.setup.mode ?? null);
  const next = onAllWindowsClosed(mode, closedNoticeShown);
  if (next === 'quit') {
    app.quit();
    return;
  }
  if (next === 'keep-running-with-notice') {
    closedNoticeShown = true;
    void dialog.showMessageBox({ type: 'info', title: texts('keptRunningTitle'), message: texts('keptRunning'), noLink: true });
  }
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

/** The tray's Quit: asks first, saying how many terminals would lose their host. */
async function confirmQuit(): Promise<void> {
  const count = (await hall?.countTerminals()) ?? null;
  const { response } = await dialog.showMessageBox({ type: 'warning', noLink: true, ...quitQuestion(texts, count) });
  if (response === 0) app.quit();
}

async function start(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId('cn.gov.township.servicehall');
  // The default menu offers reload and developer tools; a packaged hall has no use for either.
  if (app.isPackaged) Menu.setApplicationMenu(null);
  installSecurity(app, session.defaultSession, (contents, permission, requestingUrl) =>
    allowsLocalNetwork(permission, requestingUrl, contents === null ? null : (terminals.get(contents.id)?.config.hostUrl ?? null)),
  );
  handleAppProtocol(rendererDir(), () => terminals.hostUrls());
  texts = loadDesktopTexts(resourcesDir(), app.getLocale());

  const userData = app.getPath('userData');
  const file = await loadSetup(userData);
  store = new SetupStore(userData, file);
  registerIpcHandlers({
    store,
    terminals,
    pinAttempts: new PinAttemptLimiter(),
    windowRole,
    printHtml: (request) => printHtml(request),
    listPrinters: (contentsId) => listPrinters(contentsId),
    testHost: (hostUrl) => probeHost(hostUrl),
    onHostChanged: (contentsId) => BrowserWindow.getAllWindows().find((w) => w.webContents.id === contentsId)?.webContents.reload(),
    hall: hallMaintenance(texts, pauseHall),
    onSetupSaved: (saved, firstRun, password) => void afterSetupSaved(saved, firstRun, password),
  });
  screen.on('display-added', replaceWindows);
  screen.on('display-removed', replaceWindows);
  screen.on('display-metrics-changed', replaceWindows);

  // `--setup` lets an administrator change an existing set-up; saving it then needs the admin PIN.
  if (file === null || app.commandLine.hasSwitch('setup')) {
    openSetupWindow();
    return;
  }
  await openTerminals(file.setup, null);
}

function windowRole(contentsId: number): WindowRole | null {
  if (setupWindow !== null && !setupWindow.isDestroyed() && setupWindow.webContents.id === contentsId) return 'setup';
  return terminals.get(contentsId)?.role ?? null;
}

/** Runs `work` with the hall service stopped, then starts it again (an admin reset needs the database alone). */
async function pauseHall<T>(work: () => Promise<T>): Promise<T> {
  const running = hall;
  if (running === null || !running.isRunning()) return work();
  await running.stop();
  try {
    return await work();
  } finally {
    await running.start().catch((error: unknown) => console.error('restarting the hall service failed', error));
  }
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

function openSetupWindow(): void {
  if (setupWindow !== null && !setupWindow.isDestroyed()) {
    setupWindow.show();
    setupWindow.focus();
    return;
  }
  setupWindow = createSetupWindow(preloadPath(), !app.isPackaged, texts('setupTitle'));
  setupWindow.on('closed', () => (setupWindow = null));
  loadPage(setupWindow, 'setup.html');
}

async function afterSetupSaved(saved: SetupFile, firstRun: boolean, hallAdminPassword: string | null): Promise<void> {
  syncLoginItem(saved.setup);
  if (!firstRun) {
    // A changed mode, port or screen layout is simplest to apply from a clean start, without
    // `--setup`, or the app would come back to the set-up page.
    app.relaunch({ args: process.argv.slice(1).filter((arg) => arg !== '--setup') });
    app.quit();
    return;
  }
  const previous = setupWindow;
  await openTerminals(saved.setup, hallAdminPassword);
  // Closed only now, so the app never has zero windows while the hall starts.
  previous?.close();
}

function syncLoginItem(setup: AppSetup): void {
  try {
    applyLoginItem(
      setup.autoStart === true,
      {
        platform: process.platform,
        // An AppImage runs from a temporary mount; the login entry must start the AppImage file.
        executable: process.env.APPIMAGE ?? process.execPath,
        args: app.isPackaged ? [] : [app.getAppPath()],
        configDir: process.env.XDG_CONFIG_HOME ?? `${app.getPath('home')}/.config`,
      },
      app,
    );
  } catch (error) {
    console.error('setting the login item failed', error);
  }
}

async function openTerminals(setup: AppSetup, hallAdminPassword: string | null): Promise<void> {
  let hostUrl = setup.hostUrl;
  syncLoginItem(setup);
  if (setup.mode === 'host') {
    try {
      hall = createHallService(setup, texts, hallAdminPassword);
    } catch (error) {
      // The SQLite addon for this Electron is missing, or the database key cannot be unsealed.
      dialog.showErrorBox(texts('hallStartFailedTitle'), error instanceof Error ? error.message : String(error));
      app.quit();
      return;
    }
    const local = await startHallOrAsk(hall, texts, isQuitting);
    if (local === null) {
      app.quit();
      return;
    }
    hostUrl = local;
    showTray();
  }
  setup.windows.forEach((entry, index) => openTerminalWindow(entry, index, hostUrl));
}

function openTerminalWindow(entry: AppSetup['windows'][number], index: number, hostUrl: string): void {
  const window = createRoleWindow({
    role: entry.role,
    displayId: entry.displayId,
    preloadPath: preloadPath(),
    devTools: !app.isPackaged,
    title: texts('appTitle'),
    icon: iconPath(),
  });
  const contentsId = window.webContents.id;
  // Registered before the first request, so the page's CSP already allows its host.
  terminals.add({
    contentsId,
    role: entry.role,
    index,
    config: { hostUrl, role: entry.role, ...(entry.deviceToken === undefined ? {} : { deviceToken: entry.deviceToken }) },
  });
  placed.set(window, { role: entry.role, displayId: entry.displayId });
  window.on('closed', () => {
    terminals.remove(contentsId);
    placed.delete(window);
  });
  keepOpenWhileKiosk(window, isQuitting);
  if (needsDisplayAwake(entry.role)) keepAwake(window, powerSaveBlocker);
  reloadWhenBroken(window, { ...CARE_DEFAULTS, log: (line) => console.warn(`[${entry.role}] ${line}`) });
  loadPage(window, pageForRole(entry.role));
}

function replaceWindows(): void {
  for (const [window, place] of placed) replaceWindow(window, place.role, place.displayId);
}

/** The tray shows the windows again, or reopens the configured ones when all were closed. */
function openWindows(): void {
  const windows = BrowserWindow.getAllWindows().filter((w) => !w.isDestroyed());
  const setup = store?.current()?.setup;
  if (windows.length === 0 && setup !== undefined) {
    const hostUrl = terminals.hostUrls()[0] ?? (setup.mode === 'host' && hall !== null ? `http://127.0.0.1:${setup.port}` : setup.hostUrl);
    setup.windows.forEach((entry, index) => openTerminalWindow(entry, index, hostUrl));
    return;
  }
  for (const window of windows) {
    if (window.isMinimized()) window.restore();
    window.show();
  }
  windows[0]?.focus();
}

function showTray(): void {
  if (tray !== null) return;
  tray = new Tray(trayIconPath());
  tray.setToolTip(texts('trayTooltip'));
  tray.setContextMenu(Menu.buildFromTemplate(trayMenu(texts, { openWindows, openSetup: openSetupWindow, quit: () => void confirmQuit() })));
  tray.on('click', openWindows);
}

/** A page that fails to load (renderer not built, window closed early) is logged, not left as an unhandled rejection. */
function loadPage(window: BrowserWindow, page: string): void {
  window.loadURL(`${APP_ORIGIN}/${page}`).catch((error: unknown) => console.error(`loading ${page} failed`, error));
}
