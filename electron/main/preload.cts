// The bridge between a sandboxed page and the main process. CommonJS because sandboxed preloads
// cannot be ES modules; it requires only 'electron', so the sandbox stays on (STYLE §7). Each
// method invokes one fixed channel: no ipcRenderer, no generic send reaches the page.
//
// A window exposes only what its role needs (ROLE_CAPABILITIES): the role comes from the
// `--hall-window=<role>` argument the main process gives the window (additionalArguments). The main
// process checks the sender's role again on every call, so a page that got hold of a channel name
// still cannot reach another role's calls.
import { contextBridge, ipcRenderer } from 'electron';
import type { AppSetup, DesktopBridge, PrintRequest, SetupBridge, TerminalConfig, WindowRole } from '../contract/desktop.js';

// Copies of IPC / SETUP_IPC / ROLE_CAPABILITIES / WINDOW_ROLE_ARG from the contract: a value import
// would compile to require() of an ES module, which a sandboxed preload cannot load. A unit test
// keeps the copies equal.
export const PRELOAD_IPC = {
  getTerminalConfig: 'terminal:get-config',
  setTerminalConfig: 'terminal:set-config',
  printHtml: 'print:html',
  leaveKiosk: 'kiosk:leave',
  version: 'app:version',
  testHost: 'terminal:test-host',
  listPrinters: 'print:list-printers',
} as const;

export const PRELOAD_SETUP_IPC = {
  getAppSetup: 'setup:get',
  saveAppSetup: 'setup:save',
  listDisplays: 'setup:displays',
  hallStatus: 'setup:hall-status',
  resetAdminPassword: 'setup:reset-admin-password',
  exportRecoveryKey: 'setup:export-recovery-key',
  importRecoveryKey: 'setup:import-recovery-key',
} as const;

export const PRELOAD_ROLE_CAPABILITIES: Readonly<Record<WindowRole, readonly (keyof DesktopBridge)[]>> = {
  staff: ['getTerminalConfig', 'setTerminalConfig', 'printHtml', 'version', 'testHost', 'listPrinters'],
  kiosk: ['getTerminalConfig', 'setTerminalConfig', 'printHtml', 'leaveKiosk', 'version', 'testHost'],
  display: ['getTerminalConfig', 'setTerminalConfig', 'leaveKiosk', 'testHost'],
  rating: ['getTerminalConfig', 'setTerminalConfig', 'leaveKiosk', 'testHost'],
  setup: [],
};

export const PRELOAD_WINDOW_ROLE_ARG = '--hall-window=';

const allDesktopCalls: DesktopBridge = {
  getTerminalConfig: () => ipcRenderer.invoke(PRELOAD_IPC.getTerminalConfig),
  setTerminalConfig: (config: TerminalConfig) => ipcRenderer.invoke(PRELOAD_IPC.setTerminalConfig, config),
  printHtml: (request: PrintRequest) => ipcRenderer.invoke(PRELOAD_IPC.printHtml, request),
  leaveKiosk: (pin: string) => ipcRenderer.invoke(PRELOAD_IPC.leaveKiosk, pin),
  version: () => ipcRenderer.invoke(PRELOAD_IPC.version),
  testHost: (hostUrl: string) => ipcRenderer.invoke(PRELOAD_IPC.testHost, hostUrl),
  listPrinters: () => ipcRenderer.invoke(PRELOAD_IPC.listPrinters),
};

const hallSetup: SetupBridge = {
  getAppSetup: () => ipcRenderer.invoke(PRELOAD_SETUP_IPC.getAppSetup),
  saveAppSetup: (setup: AppSetup, adminPin: string, hallAdminPassword?: string) =>
    ipcRenderer.invoke(PRELOAD_SETUP_IPC.saveAppSetup, setup, adminPin, hallAdminPassword),
  listDisplays: () => ipcRenderer.invoke(PRELOAD_SETUP_IPC.listDisplays),
  hallStatus: () => ipcRenderer.invoke(PRELOAD_SETUP_IPC.hallStatus),
  resetAdminPassword: (adminPin: string, password: string) => ipcRenderer.invoke(PRELOAD_SETUP_IPC.resetAdminPassword, adminPin, password),
  exportRecoveryKey: (adminPin: string) => ipcRenderer.invoke(PRELOAD_SETUP_IPC.exportRecoveryKey, adminPin),
  importRecoveryKey: (recoveryKey: string) => ipcRenderer.invoke(PRELOAD_SETUP_IPC.importRecoveryKey, recoveryKey),
};

/** The role named in this window's arguments; none (nothing exposed) when absent or unknown. */
function windowRole(argv: readonly string[]): WindowRole | null {
  const arg = argv.find((value) => value.startsWith(PRELOAD_WINDOW_ROLE_ARG));
  const role = arg?.slice(PRELOAD_WINDOW_ROLE_ARG.length);
  return role !== undefined && Object.hasOwn(PRELOAD_ROLE_CAPABILITIES, role) ? (role as WindowRole) : null;
}

const role = windowRole(process.argv);
if (role === 'setup') {
  contextBridge.exposeInMainWorld('hallSetup', hallSetup);
} else if (role !== null) {
  const allowed = PRELOAD_ROLE_CAPABILITIES[role];
  // Literal key, equal to DESKTOP_BRIDGE_KEY (checked by the same test).
  contextBridge.exposeInMainWorld(
    'hallDesktop',
    Object.fromEntries(allowed.map((name) => [name, allDesktopCalls[name]])),
  );
}
