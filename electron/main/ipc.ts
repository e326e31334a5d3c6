// The main-process side of window.hallDesktop and window.hallSetup. One typed map per bridge, so
// a channel without a handler or a handler with the wrong result type fails to compile. Every
// handler first checks its sender and treats its arguments as unknown: the page is untrusted.
import { app, BrowserWindow, ipcMain, screen, type IpcMainInvokeEvent } from 'electron';
import {
  IPC,
  SETUP_IPC,
  type AppSetup,
  type DesktopBridge,
  type PrintRequest,
  type SetupBridge,
  type TerminalConfig,
} from '../contract/desktop.js';
import type { PinAttemptLimiter } from './pin-attempts.js';
import type { PrintResult } from './printing.js';
import { checkIpcSender } from './security.js';
import { SETUP_FILE_VERSION, validateAppSetup, type SetupFile } from './setup-file.js';
import { hashPin as defaultHashPin, verifyPin as defaultVerifyPin, type SetupStore } from './setup-store.js';
import type { TerminalRegistry } from './terminal-registry.js';
import { isValidPin, validatePrintRequest, validateTerminalConfig } from './validation.js';

/** Why saveAppSetup refused; the set-up page shows `desktop.errors.<code>` from the locales. */
export const SETUP_ERRORS = {
  invalid: 'setup_invalid',
  pinInvalid: 'pin_invalid',
  pinWrong: 'pin_wrong',
  rateLimited: 'rate_limited',
  busy: 'busy',
  saveFailed: 'save_failed',
} as const;

type Untrusted<F> = F extends (...args: infer A) => infer R ? (event: IpcMainInvokeEvent, ...args: { [I in keyof A]: unknown }) => R : never;
type HandlerMap<Bridge> = { [K in keyof Bridge]: Untrusted<Bridge[K]> };

export interface IpcDependencies {
  store: SetupStore;
  terminals: TerminalRegistry;
  pinAttempts: PinAttemptLimiter;
  printHtml(request: PrintRequest): Promise<PrintResult>;
  /** After a save; `firstRun` when there was no set-up before. Runs after the reply is sent. */
  onSetupSaved(file: SetupFile, firstRun: boolean): void;
  hashPin?: typeof defaultHashPin;
  verifyPin?: typeof defaultVerifyPin;
}

export class IpcSenderError extends Error {
  override name = 'IpcSenderError';
}

function register<Bridge>(channels: { [K in keyof Bridge]: string }, handlers: HandlerMap<Bridge>): void {
  for (const key of Object.keys(channels) as Array<keyof Bridge>) {
    const channel = channels[key];
    const handler = handlers[key] as (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!checkIpcSender(event)) throw new IpcSenderError(`${channel}: refused, the sender is not an app://hall page`);
      return handler(event, ...args);
    });
  }
}

/** Checks a PIN against the stored hash, counting wrong ones; false while locked out. */
async function pinMatches(deps: IpcDependencies, pin: unknown): Promise<boolean> {
  const file = deps.store.current();
  if (file === null || deps.pinAttempts.isLocked()) return false;
  const verify = deps.verifyPin ?? defaultVerifyPin;
  if (isValidPin(pin) && (await verify(pin, file.adminPin))) {
    deps.pinAttempts.recordSuccess();
    return true;
  }
  deps.pinAttempts.recordFailure();
  return false;
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
      deps.terminals.setConfig(event.sender.id, config);
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
  };
}

function setupHandlers(deps: IpcDependencies): HandlerMap<SetupBridge> {
  let saving = false;
  return {
    async getAppSetup() {
      const setup = deps.store.current()?.setup;
      return setup === undefined ? null : structuredClone(setup);
    },

    async saveAppSetup(_event, rawSetup, pin) {
      const checked = validateAppSetup(rawSetup);
      if (!checked.ok) {
        console.warn(`saveAppSetup: ${checked.error}`);
        return { ok: false, error: SETUP_ERRORS.invalid };
      }
      if (!isValidPin(pin)) return { ok: false, error: SETUP_ERRORS.pinInvalid };
      if (saving) return { ok: false, error: SETUP_ERRORS.busy };
      saving = true;
      try {
        const existing = deps.store.current();
        // Changing an existing set-up needs the admin PIN it was saved with; the first does not.
        if (existing !== null) {
          if (deps.pinAttempts.isLocked()) return { ok: false, error: SETUP_ERRORS.rateLimited };
          if (!(await pinMatches(deps, pin))) return { ok: false, error: SETUP_ERRORS.pinWrong };
        }
        const setup: AppSetup = checked.value;
        const adminPin = existing?.adminPin ?? (await (deps.hashPin ?? defaultHashPin)(pin));
        const file: SetupFile = { version: SETUP_FILE_VERSION, setup, adminPin };
        try {
          await deps.store.save(file);
        } catch (error) {
          console.error(`saveAppSetup: ${error instanceof Error ? error.message : String(error)}`);
          return { ok: false, error: SETUP_ERRORS.saveFailed };
        }
        // After the reply: the callback may close this very window.
        setImmediate(() => deps.onSetupSaved(file, existing === null));
        return { ok: true };
      } finally {
        saving = false;
      }
    },

    async listDisplays() {
      const primaryId = screen.getPrimaryDisplay().id;
      return screen.getAllDisplays().map((display) => ({
        id: display.id,
        label: display.label || `${display.size.width}×${display.size.height}`,
        width: display.size.width,
        height: display.size.height,
        primary: display.id === primaryId,
      }));
    },
  };
}

export function registerIpcHandlers(deps: IpcDependencies): void {
  register<DesktopBridge>(IPC, desktopHandlers(deps));
  register<SetupBridge>(SETUP_IPC, setupHandlers(deps));
}
