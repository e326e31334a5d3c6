// The bridge between a sandboxed page and the main process. CommonJS because sandboxed preloads
// cannot be ES modules; it requires only 'electron', so the sandbox stays on (STYLE §7). Each
// method invokes one fixed channel: no ipcRenderer, no generic send reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import type { AppSetup, DesktopBridge, PrintRequest, SetupBridge, TerminalConfig } from '../contract/desktop.js';

// Copies of IPC / SETUP_IPC from the contract: a value import would compile to require() of an ES
// module, which a sandboxed preload cannot load. A unit test keeps the copies equal.
export const PRELOAD_IPC = {
  getTerminalConfig: 'terminal:get-config',
  setTerminalConfig: 'terminal:set-config',
  printHtml: 'print:html',
  leaveKiosk: 'kiosk:leave',
  version: 'app:version',
} as const;

export const PRELOAD_SETUP_IPC = {
  getAppSetup: 'setup:get',
  saveAppSetup: 'setup:save',
  listDisplays: 'setup:displays',
} as const;

const hallDesktop: DesktopBridge = {
  getTerminalConfig: () => ipcRenderer.invoke(PRELOAD_IPC.getTerminalConfig),
  setTerminalConfig: (config: TerminalConfig) => ipcRenderer.invoke(PRELOAD_IPC.setTerminalConfig, config),
  printHtml: (request: PrintRequest) => ipcRenderer.invoke(PRELOAD_IPC.printHtml, request),
  leaveKiosk: (pin: string) => ipcRenderer.invoke(PRELOAD_IPC.leaveKiosk, pin),
  version: () => ipcRenderer.invoke(PRELOAD_IPC.version),
};

const hallSetup: SetupBridge = {
  getAppSetup: () => ipcRenderer.invoke(PRELOAD_SETUP_IPC.getAppSetup),
  saveAppSetup: (setup: AppSetup, adminPin: string) => ipcRenderer.invoke(PRELOAD_SETUP_IPC.saveAppSetup, setup, adminPin),
  listDisplays: () => ipcRenderer.invoke(PRELOAD_SETUP_IPC.listDisplays),
};

// Literal keys, equal to DESKTOP_BRIDGE_KEY / SETUP_BRIDGE_KEY (checked by the same test).
contextBridge.exposeInMainWorld('hallDesktop', hallDesktop);
contextBridge.exposeInMainWorld('hallSetup', hallSetup);
