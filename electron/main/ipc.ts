// The main-process side of window.hallDesktop and window.hallSetup. One typed map per bridge, so
// a channel without a handler or a handler with the wrong result type fails to compile. Every
// handler is reached only after two checks: the sender frame shows one of our own pages, and the
// sender window's role may make this call (ROLE_CAPABILITIES; the set-up calls only from the set-up
// window). Arguments are treated as unknown: the page is untrusted.
import { app, BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import {
  IPC,
  ROLE_CAPABILITIES,
  SETUP_IPC,
  type DesktopBridge,
  type HostProbe,
  type PrinterInfo,
  type PrintRequest,
  type SetupBridge,
  type TerminalConfig,
  type WindowRole,
} from '../contract/desktop.js';
import { setupHandlers, type SetupDependencies } from './ipc-setup.js';
import { pinMatches, type PinCheckDependencies } from './pin-check.js';
import type { PrintResult } from './printing.js';
import { checkIpcSender } from './security.js';
import type { TerminalRegistry } from './terminal-registry.js';
import { validatePrintRequest, validateTerminalConfig } from './validation.js';

export { SETUP_ERRORS } from './ipc-setup.js';

type Untrusted<F> = F extends (...args: infer A) => infer R ? (event: IpcMainInvokeEvent, ...args: { [I in keyof A]: unknown }) => R : never;
export type HandlerMap<Bridge> = { [K in keyof Bridge]: Untrusted<Bridge[K]> };

export interface IpcDependencies extends PinCheckDependencies, SetupDependencies {
  terminals: TerminalRegistry;
  /** The role of the window showing web contents `id`: a terminal's, 'setup', or null for any other. */
  windowRole(contentsId: number): WindowRole | null;
  printHtml(request: PrintRequest): Promise<PrintResult>;
  listPrinters(contentsId: number): Promise<PrinterInfo[]>;
  testHost(hostUrl: string): Promise<HostProbe>;
  /** A window's host changed: reload it, so its page gets a CSP that allows the new host. */
  onHostChanged(contentsId: number): void;
}

export class IpcSenderError extends Error {
  override name = 'IpcSenderError';
}

function register<Bridge>(
  channels: { [K in keyof Bridge]: string },
  handlers: HandlerMap<Bridge>,
  mayCall: (role: WindowRole, key: keyof Bridge) => boolean,
  windowRole: (contentsId: number) => WindowRole | null,
): void {
  for (const key of Object.keys(channels) as Array<keyof Bridge>) {
    const channel = channels[key];
    const handler = handlers[key] as (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!checkIpcSender(event)) throw new IpcSenderError(`${channel}: refused, the sender is not an app://hall page`);
      const role = windowRole(event.sender.id);
      if (role === null || !mayCall(role, key)) throw new IpcSenderError(`${channel}: refused, not a call for a ${role ?? 'unknown'} window`);
      return handler(event, ...args);
    });
  }
}

export function mayCallDesktop(role: WindowRole, key: keyof DesktopBridge): boolean {
  return ROLE_CAPABILITIES[role].includes(key);
}

export function mayCallSetup(role: WindowRole): boolean {
  return role === 'setup';
}

function desktopHandlers(deps: IpcDependencies): HandlerMap<DesktopBridge> {
  return {
    async getTerminalConfig(event) {
      return deps.terminals.get(event.sender.id)?.config ?? null;
    },

    async setTerminalConfig(event, raw) {
      const checked = validateTerminalConfig(raw);
      if (!checked.ok) throw new Error(checked.error);
      const config: TerminalConfig = checked.value;
      const terminal = deps.terminals.get(event.sender.id);
      const file = deps.store.current();
      if (terminal === null || file === null) throw new Error('setTerminalConfig: this window is not a terminal');
      if (config.role !== terminal.role) throw new Error(`setTerminalConfig: this window is a ${terminal.role} terminal`);
      if (file.setup.mode === 'host' && config.hostUrl !== terminal.config.hostUrl) {
        throw new Error('setTerminalConfig: in host mode the host is this PC');
      }
      await deps.store.update((current) => {
        const base = current ?? file;
        const windows = base.setup.windows.map((window, index) => {
          if (index !== terminal.index) return window;
          const { deviceToken: _old, ...rest } = window;
          return config.deviceToken === undefined ? rest : { ...rest, deviceToken: config.deviceToken };
        });
        const hostUrl = base.setup.mode === 'terminal' ? config.hostUrl : base.setup.hostUrl;
        return { ...base, setup: { ...base.setup, hostUrl, windows } };
      });
      const hostChanged = config.hostUrl !== terminal.config.hostUrl;
      deps.terminals.setConfig(event.sender.id, config);
      // After the reply, so the page hears that the save worked before it is reloaded.
      if (hostChanged) setImmediate(() => deps.onHostChanged(event.sender.id));
    },

    async printHtml(_event, raw) {
      const checked = validatePrintRequest(raw);
      if (!checked.ok) return { ok: false, error: checked.error };
      return deps.printHtml(checked.value);
    },

    async leaveKiosk(event, pin) {
      if (!(await pinMatches(deps, pin))) return false;
      const window = BrowserWindow.fromWebContents(event.sender);
      if (window === null) return false;
      window.setKiosk(false);
      window.setFullScreen(false);
      window.setAutoHideMenuBar(false);
      return true;
    },

    async version() {
      return app.getVersion();
    },

    async testHost(_event, hostUrl) {
      if (typeof hostUrl !== 'string') return { ok: false, error: 'invalid_url' };
      return deps.testHost(hostUrl);
    },

    async listPrinters(event) {
      return deps.listPrinters(event.sender.id);
    },
  };
}

export function registerIpcHandlers(deps: IpcDependencies): void {
  register<DesktopBridge>(IPC, desktopHandlers(deps), mayCallDesktop, deps.windowRole);
  register<SetupBridge>(SETUP_IPC, setupHandlers(deps), mayCallSetup, deps.windowRole);
}
