import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

const electron = vi.hoisted(() => {
  const handlers = new Map<string, Handler>();
  const window = { setKiosk: vi.fn(), setFullScreen: vi.fn(), setAutoHideMenuBar: vi.fn() };
  return {
    handlers,
    window,
    ipcMain: { handle: vi.fn((channel: string, handler: Handler) => handlers.set(channel, handler)) },
    app: { getVersion: vi.fn(() => '0.1.0') },
    BrowserWindow: { fromWebContents: vi.fn(() => window) },
    screen: {
      getPrimaryDisplay: vi.fn(() => ({ id: 1 })),
      getAllDisplays: vi.fn(() => [
        { id: 1, label: 'DELL P2419H', size: { width: 1920, height: 1080 } },
        { id: 2779098405, label: '', size: { width: 1080, height: 1920 } },
      ]),
    },
    shell: { openExternal: vi.fn() },
    webContents: { fromId: vi.fn() },
  };
});
vi.mock('electron', () => electron);

import { IPC, ROLE_CAPABILITIES, SETUP_IPC, type AppSetup, type HallStatus, type WindowRole } from '../../electron/contract/desktop.js';
import { IpcSenderError, registerIpcHandlers } from '../../electron/main/ipc.js';
import { PinAttemptLimiter } from '../../electron/main/pin-attempts.js';
import type { SetupFile } from '../../electron/main/setup-file.js';
import { hashPin, readSetupFile, SetupStore } from '../../electron/main/setup-store.js';
import { TerminalRegistry } from '../../electron/main/terminal-registry.js';

const KIOSK_CONTENTS = 7;
const SETUP_CONTENTS = 3;
/** One web contents per window role, as index.ts tells them apart. */
const CONTENTS_OF: Record<WindowRole, number> = { staff: 5, kiosk: KIOSK_CONTENTS, display: 9, rating: 11, setup: SETUP_CONTENTS };
const setup: AppSetup = {
  mode: 'terminal',
  hostUrl: 'http://192.168.1.20:8620',
  listenOnLan: false,
  port: 8620,
  windows: [
    { role: 'staff', displayId: 0 },
    { role: 'kiosk', displayId: 0, deviceToken: 'old-token' },
  ],
};
const storedPin = await hashPin('135790');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function appEvent(contentsId = KIOSK_CONTENTS, url = 'app://hall/kiosk.html') {
  return { sender: { id: contentsId }, senderFrame: { url } };
}

function setUp(initial: SetupFile | null) {
  electron.handlers.clear();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hall-ipc-'));
  dirs.push(dir);
  let now = 0;
  const store = new SetupStore(dir, initial);
  const terminals = new TerminalRegistry();
  terminals.add({ contentsId: KIOSK_CONTENTS, role: 'kiosk', index: 1, config: { hostUrl: setup.hostUrl, role: 'kiosk', deviceToken: 'old-token' } });
  const status: HallStatus = { hasDatabase: true, keySealed: true, keychainUsable: true };
  const deps = {
    store,
    terminals,
    pinAttempts: new PinAttemptLimiter({ maxFailures: 5, windowMs: 300_000, now: () => now }),
    windowRole: (id: number) => (Object.entries(CONTENTS_OF).find(([, contents]) => contents === id)?.[0] as WindowRole | undefined) ?? null,
    printHtml: vi.fn(async () => ({ ok: true as const })),
    listPrinters: vi.fn(async () => [{ name: 'XP-58', displayName: 'XP-58' }]),
    testHost: vi.fn(async () => ({ ok: true as const, version: '0.1.0', hallName: null })),
    onHostChanged: vi.fn(),
    onSetupSaved: vi.fn(),
    hall: {
      status: vi.fn(() => status),
      resetAdminPassword: vi.fn(async () => ({ ok: true as const })),
      recoveryKey: vi.fn(() => '0123ABCD-0123ABCD-0123ABCD-0123ABCD-0123ABCD-0123ABCD-0123ABCD-0123ABCD'),
      importRecoveryKey: vi.fn(() => ({ ok: true as const })),
    },
  };
  registerIpcHandlers(deps);
  const handler = (channel: string) => {
    const found = electron.handlers.get(channel);
    if (found === undefined) throw new Error(`no handler for ${channel}`);
    return found;
  };
  /** A call from the kiosk window (hallDesktop channels) or the set-up window (hallSetup channels). */
  const call = (channel: string, ...args: unknown[]) => {
    const fromSetup = (Object.values(SETUP_IPC) as string[]).includes(channel);
    return handler(channel)(fromSetup ? appEvent(SETUP_CONTENTS, 'app://hall/setup.html') : appEvent(), ...args);
  };
  const callAs = (role: WindowRole, channel: string, ...args: unknown[]) => handler(channel)(appEvent(CONTENTS_OF[role], `app://hall/${role}.html`), ...args);
  return { dir, deps, status, call, callAs, advance: (ms: number) => (now += ms) };
}

beforeEach(() => {
  vi.clearAllMocks();
});

describe('registered handlers', () => {
  it('cover exactly the contract channels', () => {
    setUp({ version: 1, setup, adminPin: storedPin });
    expect([...electron.handlers.keys()].sort()).toEqual([...Object.values(IPC), ...Object.values(SETUP_IPC)].sort());
  });

  const badSenders = [
    ['another site', { sender: { id: KIOSK_CONTENTS }, senderFrame: { url: 'https://evil.example/' } }],
    ['a missing frame', { sender: { id: KIOSK_CONTENTS }, senderFrame: null }],
    ['a look-alike host', { sender: { id: KIOSK_CONTENTS }, senderFrame: { url: 'app://hall.evil/index.html' } }],
  ] as const;

  it.each(badSenders)('all refuse %s before doing anything', async (_name, event) => {
    const { deps, dir } = setUp({ version: 1, setup, adminPin: storedPin });
    expect(electron.handlers.size).toBe(Object.keys(IPC).length + Object.keys(SETUP_IPC).length);
    for (const [channel, handler] of electron.handlers) {
      await expect(handler(event, { html: '<p/>', printerName: '' }, '135790'), channel).rejects.toBeInstanceOf(IpcSenderError);
    }
    expect(deps.printHtml).not.toHaveBeenCalled();
    expect(deps.onSetupSaved).not.toHaveBeenCalled();
    expect(electron.window.setKiosk).not.toHaveBeenCalled();
    expect(electron.app.getVersion).not.toHaveBeenCalled();
    expect(await readSetupFile(dir)).toBeNull();
  });
});

describe('hallDesktop handlers', () => {
  it('version answers app.getVersion()', async () => {
    const { call } = setUp({ version: 1, setup, adminPin: storedPin });
    await expect(call(IPC.version)).resolves.toBe('0.1.0');
  });

  it("getTerminalConfig answers the sender window's config, null for an unknown window", async () => {
    setUp({ version: 1, setup, adminPin: storedPin });
    const handler = electron.handlers.get(IPC.getTerminalConfig) as Handler;
    await expect(handler(appEvent())).resolves.toEqual({ hostUrl: 'http://192.168.1.20:8620', role: 'kiosk', deviceToken: 'old-token' });
    await expect(handler(appEvent(CONTENTS_OF.staff, 'app://hall/index.html'))).resolves.toBeNull();
  });

  it('setTerminalConfig validates, keeps the role and saves the token to setup.json', async () => {
    const { call, dir } = setUp({ version: 1, setup, adminPin: storedPin });
    await expect(call(IPC.setTerminalConfig, { hostUrl: 'javascript:alert(1)', role: 'kiosk' })).rejects.toThrow(
      'config.hostUrl: must be an http or https URL',
    );
    await expect(call(IPC.setTerminalConfig, { hostUrl: 'http://10.0.0.5:8620', role: 'staff' })).rejects.toThrow(
      'setTerminalConfig: this window is a kiosk terminal',
    );
    await call(IPC.setTerminalConfig, { hostUrl: 'http://10.0.0.5:8620', role: 'kiosk', deviceToken: 'new-token' });
    await expect(call(IPC.getTerminalConfig)).resolves.toEqual({ hostUrl: 'http://10.0.0.5:8620', role: 'kiosk', deviceToken: 'new-token' });
    const saved = await readSetupFile(dir);
    expect(saved?.setup.hostUrl).toBe('http://10.0.0.5:8620');
    expect(saved?.setup.windows).toEqual([
      { role: 'staff', displayId: 0 },
      { role: 'kiosk', displayId: 0, deviceToken: 'new-token' },
    ]);
  });

  it('setTerminalConfig refuses to move a host-mode window to another host', async () => {
    const { call } = setUp({ version: 1, setup: { ...setup, mode: 'host' }, adminPin: storedPin });
    await expect(call(IPC.setTerminalConfig, { hostUrl: 'http://10.0.0.5:8620', role: 'kiosk' })).rejects.toThrow(
      'setTerminalConfig: in host mode the host is this PC',
    );
  });

  it('printHtml refuses a bad request and passes a clean one on', async () => {
    const { call, deps } = setUp({ version: 1, setup, adminPin: storedPin });
    await expect(call(IPC.printHtml, { html: '<p/>', printerName: 3 })).resolves.toEqual({
      ok: false,
      error: 'request.printerName: must be a printer name (may be empty)',
    });
    expect(deps.printHtml).not.toHaveBeenCalled();
    await expect(call(IPC.printHtml, { html: '<p>A001</p>', printerName: 'XP-58', pageWidthMicrons: 58000 })).resolves.toEqual({ ok: true });
    expect(deps.printHtml).toHaveBeenCalledExactlyOnceWith({ html: '<p>A001</p>', printerName: 'XP-58', pageWidthMicrons: 58000 });
  });

  it('leaveKiosk leaves kiosk mode only with the right PIN', async () => {
    const { call } = setUp({ version: 1, setup, adminPin: storedPin });
    await expect(call(IPC.leaveKiosk, '000000')).resolves.toBe(false);
    await expect(call(IPC.leaveKiosk, { pin: '135790' })).resolves.toBe(false);
    expect(electron.window.setKiosk).not.toHaveBeenCalled();
    await expect(call(IPC.leaveKiosk, '135790')).resolves.toBe(true);
    expect(electron.window.setKiosk).toHaveBeenCalledExactlyOnceWith(false);
    expect(electron.window.setFullScreen).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('leaveKiosk refuses even the right PIN after five wrong ones, until five minutes pass', async () => {
    const { call, advance } = setUp({ version: 1, setup, adminPin: storedPin });
    for (let i = 0; i < 5; i += 1) await expect(call(IPC.leaveKiosk, `99999${i}`)).resolves.toBe(false);
    await expect(call(IPC.leaveKiosk, '135790')).resolves.toBe(false);
    expect(electron.window.setKiosk).not.toHaveBeenCalled();
    advance(300_001);
    await expect(call(IPC.leaveKiosk, '135790')).resolves.toBe(true);
  });
});

describe('hallSetup handlers', () => {
  it('getAppSetup answers null on first run and a copy afterwards', async () => {
    await expect(setUp(null).call(SETUP_IPC.getAppSetup)).resolves.toBeNull();
    await expect(setUp({ version: 1, setup, adminPin: storedPin }).call(SETUP_IPC.getAppSetup)).resolves.toEqual(setup);
  });

  it('saveAppSetup on first run hashes the PIN, writes setup.json and starts the chosen mode', async () => {
    const { call, deps, dir } = setUp(null);
    await expect(call(SETUP_IPC.saveAppSetup, setup, '2468')).resolves.toEqual({ ok: true });
    const saved = await readSetupFile(dir);
    expect(saved?.setup).toEqual(setup);
    expect(JSON.stringify(saved)).not.toContain('2468');
    await new Promise((resolve) => setImmediate(resolve));
    expect(deps.onSetupSaved).toHaveBeenCalledExactlyOnceWith(saved, true, null);
  });

  it('saveAppSetup refuses a bad set-up or PIN with a code', async () => {
    const { call, dir } = setUp(null);
    await expect(call(SETUP_IPC.saveAppSetup, { ...setup, port: 0 }, '2468')).resolves.toEqual({ ok: false, error: 'setup_invalid' });
    await expect(call(SETUP_IPC.saveAppSetup, setup, '12')).resolves.toEqual({ ok: false, error: 'pin_invalid' });
    await expect(call(SETUP_IPC.saveAppSetup, setup)).resolves.toEqual({ ok: false, error: 'pin_invalid' });
    expect(await readSetupFile(dir)).toBeNull();
  });

  it('saveAppSetup over an existing set-up needs its admin PIN', async () => {
    const { call, deps } = setUp({ version: 1, setup, adminPin: storedPin });
    const changed = { ...setup, port: 9000 };
    await expect(call(SETUP_IPC.saveAppSetup, changed, '000000')).resolves.toEqual({ ok: false, error: 'pin_wrong' });
    await expect(call(SETUP_IPC.saveAppSetup, changed, '135790')).resolves.toEqual({ ok: true });
    expect(deps.store.current()?.adminPin).toEqual(storedPin);
    await new Promise((resolve) => setImmediate(resolve));
    expect(deps.onSetupSaved).toHaveBeenCalledExactlyOnceWith({ version: 1, setup: changed, adminPin: storedPin }, false, null);
  });

  it('listDisplays describes each screen and marks the primary', async () => {
    await expect(setUp(null).call(SETUP_IPC.listDisplays)).resolves.toEqual([
      { id: 1, label: 'DELL P2419H', width: 1920, height: 1080, primary: true },
      { id: 2779098405, label: '1080×1920', width: 1080, height: 1920, primary: false },
    ]);
  });
});

describe('each window reaches only its own role\'s calls', () => {
  const roles = Object.keys(CONTENTS_OF) as WindowRole[];
  const desktopCalls = Object.keys(IPC) as Array<keyof typeof IPC>;

  it.each(roles)('a %s window is refused every call outside its capabilities, before anything runs', async (role) => {
    const { callAs, deps, dir } = setUp({ version: 1, setup, adminPin: storedPin });
    for (const key of desktopCalls) {
      if (ROLE_CAPABILITIES[role].includes(key)) continue;
      await expect(callAs(role, IPC[key], { html: '<p/>', printerName: '' }), `${role} → ${key}`).rejects.toBeInstanceOf(IpcSenderError);
    }
    if (role !== 'setup') {
      for (const channel of Object.values(SETUP_IPC)) {
        await expect(callAs(role, channel, setup, '135790', 'new-admin-pass'), `${role} → ${channel}`).rejects.toBeInstanceOf(IpcSenderError);
      }
    }
    expect(deps.printHtml).not.toHaveBeenCalled();
    expect(deps.hall.resetAdminPassword).not.toHaveBeenCalled();
    expect(deps.hall.recoveryKey).not.toHaveBeenCalled();
    expect(electron.window.setKiosk).not.toHaveBeenCalled();
    expect((await readSetupFile(dir))).toBeNull();
  });

  it('a kiosk cannot read the set-up, with its device tokens', async () => {
    const { callAs } = setUp({ version: 1, setup, adminPin: storedPin });
    await expect(callAs('kiosk', SETUP_IPC.getAppSetup)).rejects.toThrow('setup:get: refused, not a call for a kiosk window');
    await expect(callAs('staff', SETUP_IPC.getAppSetup)).rejects.toBeInstanceOf(IpcSenderError);
    await expect(callAs('setup', SETUP_IPC.getAppSetup)).resolves.toEqual(setup);
  });

  it('a window the app did not open as a terminal or the set-up is refused everything', async () => {
    setUp({ version: 1, setup, adminPin: storedPin });
    for (const [channel, handler] of electron.handlers) {
      await expect(handler(appEvent(77, 'app://hall/index.html')), channel).rejects.toBeInstanceOf(IpcSenderError);
    }
  });

  it('the display reaches its config but not printing; the kiosk prints', async () => {
    const { callAs, deps } = setUp({ version: 1, setup, adminPin: storedPin });
    await expect(callAs('display', IPC.printHtml, { html: '<p/>', printerName: '' })).rejects.toBeInstanceOf(IpcSenderError);
    await expect(callAs('kiosk', IPC.printHtml, { html: '<p/>', printerName: '' })).resolves.toEqual({ ok: true });
    expect(deps.printHtml).toHaveBeenCalledOnce();
    await expect(callAs('staff', IPC.listPrinters)).resolves.toEqual([{ name: 'XP-58', displayName: 'XP-58' }]);
    await expect(callAs('kiosk', IPC.listPrinters)).rejects.toBeInstanceOf(IpcSenderError);
  });
});

describe('re-pairing with another host', () => {
  it('reloads the window after the save, so its CSP allows the new host; the same host does not reload', async () => {
    const { call, deps } = setUp({ version: 1, setup, adminPin: storedPin });
    await call(IPC.setTerminalConfig, { hostUrl: setup.hostUrl, role: 'kiosk', deviceToken: 'again' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(deps.onHostChanged).not.toHaveBeenCalled();
    await call(IPC.setTerminalConfig, { hostUrl: 'http://10.0.0.9:8620', role: 'kiosk', deviceToken: 'new' });
    expect(deps.terminals.hostUrls()).toEqual(['http://10.0.0.9:8620']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(deps.onHostChanged).toHaveBeenCalledExactlyOnceWith(KIOSK_CONTENTS);
  });

  it('testHost passes only a string on, for the main process to try', async () => {
    const { call, deps } = setUp({ version: 1, setup, adminPin: storedPin });
    await expect(call(IPC.testHost, { url: 'http://x' })).resolves.toEqual({ ok: false, error: 'invalid_url' });
    expect(deps.testHost).not.toHaveBeenCalled();
    await expect(call(IPC.testHost, 'http://10.0.0.9:8620')).resolves.toMatchObject({ ok: true });
    expect(deps.testHost).toHaveBeenCalledExactlyOnceWith('http://10.0.0.9:8620');
  });
});

describe('the first admin password and the admin reset', () => {
  const hostSetup: AppSetup = { ...setup, mode: 'host', hostUrl: 'http://127.0.0.1:8620' };

  it('a new host needs the admin password in the set-up; it is handed to the first start, never stored', async () => {
    const { call, deps, status, dir } = setUp(null);
    status.hasDatabase = false;
    await expect(call(SETUP_IPC.saveAppSetup, hostSetup, '2468')).resolves.toEqual({ ok: false, error: 'admin_password_invalid' });
    await expect(call(SETUP_IPC.saveAppSetup, hostSetup, '2468', 'short')).resolves.toEqual({ ok: false, error: 'admin_password_invalid' });
    expect(await readSetupFile(dir)).toBeNull();
    await expect(call(SETUP_IPC.saveAppSetup, hostSetup, '2468', 'Hall-admin-2026')).resolves.toEqual({ ok: true });
    await new Promise((resolve) => setImmediate(resolve));
    expect(deps.onSetupSaved).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ setup: hostSetup }), true, 'Hall-admin-2026');
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path.join(dir, 'setup.json'), 'utf8')).not.toContain('Hall-admin-2026');
  });

  it('a host with a database keeps its admin: no password asked, none passed', async () => {
    const { call, deps } = setUp(null);
    await expect(call(SETUP_IPC.saveAppSetup, hostSetup, '2468')).resolves.toEqual({ ok: true });
    await new Promise((resolve) => setImmediate(resolve));
    expect(deps.onSetupSaved).toHaveBeenCalledExactlyOnceWith(expect.anything(), true, null);
  });

  it('resetAdminPassword needs the admin PIN and a valid password, and a database to reset', async () => {
    const { call, deps, status } = setUp({ version: 1, setup: hostSetup, adminPin: storedPin });
    await expect(call(SETUP_IPC.resetAdminPassword, '000000', 'New-admin-pass')).resolves.toEqual({ ok: false, error: 'pin_wrong' });
    await expect(call(SETUP_IPC.resetAdminPassword, '135790', 'short')).resolves.toEqual({ ok: false, error: 'admin_password_invalid' });
    status.hasDatabase = false;
    await expect(call(SETUP_IPC.resetAdminPassword, '135790', 'New-admin-pass')).resolves.toEqual({ ok: false, error: 'no_database' });
    expect(deps.hall.resetAdminPassword).not.toHaveBeenCalled();
    status.hasDatabase = true;
    await expect(call(SETUP_IPC.resetAdminPassword, '135790', 'New-admin-pass')).resolves.toEqual({ ok: true });
    expect(deps.hall.resetAdminPassword).toHaveBeenCalledExactlyOnceWith('New-admin-pass');
  });

  it('the recovery key is given only for the admin PIN; importing one only before any set-up', async () => {
    const { call, deps } = setUp({ version: 1, setup: hostSetup, adminPin: storedPin });
    await expect(call(SETUP_IPC.exportRecoveryKey, '000000')).resolves.toEqual({ ok: false, error: 'pin_wrong' });
    expect(deps.hall.recoveryKey).not.toHaveBeenCalled();
    await expect(call(SETUP_IPC.exportRecoveryKey, '135790')).resolves.toMatchObject({ ok: true, recoveryKey: expect.stringMatching(/^(?:[0-9A-F]{8}-){7}[0-9A-F]{8}$/) });
    await expect(call(SETUP_IPC.importRecoveryKey, 'AB'.repeat(32))).resolves.toEqual({ ok: false, error: 'key_exists' });
    const fresh = setUp(null);
    await expect(fresh.call(SETUP_IPC.importRecoveryKey, 'AB'.repeat(32))).resolves.toEqual({ ok: true });
    expect(fresh.deps.hall.importRecoveryKey).toHaveBeenCalledExactlyOnceWith('AB'.repeat(32));
  });
});
