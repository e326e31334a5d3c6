import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  DESKTOP_BRIDGE_KEY,
  IPC,
  ROLE_CAPABILITIES,
  SETUP_BRIDGE_KEY,
  SETUP_IPC,
  WINDOW_ROLE_ARG,
  type WindowRole,
} from '../../electron/contract/desktop.js';

type Api = Record<string, (...args: unknown[]) => unknown>;

const preloadSource = readFileSync(new URL('../../electron/main/preload.cts', import.meta.url), 'utf8');
let compiled = '';

beforeAll(() => {
  compiled = ts.transpileModule(preloadSource, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
});

interface PreloadRun {
  exposed: Map<string, Api>;
  required: string[];
  ipcRenderer: { invoke: ReturnType<typeof vi.fn>; send: ReturnType<typeof vi.fn>; on: ReturnType<typeof vi.fn> };
  exports: {
    PRELOAD_IPC: Record<string, string>;
    PRELOAD_SETUP_IPC: Record<string, string>;
    PRELOAD_ROLE_CAPABILITIES: Record<string, string[]>;
    PRELOAD_WINDOW_ROLE_ARG: string;
  };
}

/**
 * Runs the preload the way a sandboxed renderer does: compiled to CommonJS, wrapped in a function
 * given require/module/exports and the window's process.argv, with a require that knows 'electron'
 * and nothing else.
 */
function runPreload(argv: string[]): PreloadRun {
  const exposed = new Map<string, Api>();
  const required: string[] = [];
  const ipcRenderer = { invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args })), send: vi.fn(), on: vi.fn() };
  const contextBridge = { exposeInMainWorld: vi.fn((key: string, api: Api) => exposed.set(key, api)) };
  const module = { exports: {} as PreloadRun['exports'] };
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  new Function('require', 'module', 'exports', 'process', compiled)(sandboxRequire, module, module.exports, { argv: ['/opt/hall/electron', '--type=renderer', ...argv] });
  return { exposed, required, ipcRenderer, exports: module.exports };
}

const ROLES = Object.keys(ROLE_CAPABILITIES) as WindowRole[];

describe('preload copies of the contract', () => {
  it('equal the contract: channels, capabilities and the role argument', () => {
    const { exports } = runPreload([]);
    expect(exports.PRELOAD_IPC).toEqual(IPC);
    expect(exports.PRELOAD_SETUP_IPC).toEqual(SETUP_IPC);
    expect(exports.PRELOAD_ROLE_CAPABILITIES).toEqual(ROLE_CAPABILITIES);
    expect(exports.PRELOAD_WINDOW_ROLE_ARG).toBe(WINDOW_ROLE_ARG);
  });
});

describe('each window exposes only its role', () => {
  it.each(ROLES.filter((role) => role !== 'setup'))('a %s window gets hallDesktop with exactly its calls, and no hallSetup', (role) => {
    const { exposed, ipcRenderer } = runPreload([`${WINDOW_ROLE_ARG}${role}`]);
    expect([...exposed.keys()]).toEqual([DESKTOP_BRIDGE_KEY]);
    const api = exposed.get(DESKTOP_BRIDGE_KEY) ?? {};
    expect(Object.keys(api).sort()).toEqual([...ROLE_CAPABILITIES[role]].sort());
    for (const value of Object.values(api)) expect(value).toBeTypeOf('function');
    expect(Object.values(api)).not.toContain(ipcRenderer);
  });

  it('the kiosk prints and leaves kiosk mode; the display cannot print', () => {
    expect(Object.keys(runPreload([`${WINDOW_ROLE_ARG}kiosk`]).exposed.get(DESKTOP_BRIDGE_KEY) ?? {})).toEqual(
      expect.arrayContaining(['printHtml', 'leaveKiosk']),
    );
    expect(Object.keys(runPreload([`${WINDOW_ROLE_ARG}display`]).exposed.get(DESKTOP_BRIDGE_KEY) ?? {})).not.toContain('printHtml');
  });

  it('only the set-up window gets hallSetup, and no hallDesktop', () => {
    const { exposed } = runPreload([`${WINDOW_ROLE_ARG}setup`]);
    expect([...exposed.keys()]).toEqual([SETUP_BRIDGE_KEY]);
    expect(Object.keys(exposed.get(SETUP_BRIDGE_KEY) ?? {}).sort()).toEqual(Object.keys(SETUP_IPC).sort());
  });

  it.each([[[]], [[`${WINDOW_ROLE_ARG}admin`]], [[`${WINDOW_ROLE_ARG}toString`]], [[`${WINDOW_ROLE_ARG}__proto__`]]])(
    'a window without a known role (%j) gets nothing',
    (argv) => {
      expect(runPreload(argv).exposed.size).toBe(0);
    },
  );

  it('invokes the fixed channel of each method with its arguments, never a generic send', async () => {
    const staff = runPreload([`${WINDOW_ROLE_ARG}staff`]);
    const kiosk = runPreload([`${WINDOW_ROLE_ARG}kiosk`]);
    const setupRun = runPreload([`${WINDOW_ROLE_ARG}setup`]);
    const desktop = { ...staff.exposed.get(DESKTOP_BRIDGE_KEY), ...kiosk.exposed.get(DESKTOP_BRIDGE_KEY) };
    const setup = setupRun.exposed.get(SETUP_BRIDGE_KEY) ?? {};
    const config = { hostUrl: 'http://127.0.0.1:8620', role: 'kiosk' };
    const request = { html: '<p/>', printerName: '' };
    await expect(desktop.getTerminalConfig?.()).resolves.toEqual({ channel: 'terminal:get-config', args: [] });
    await expect(desktop.setTerminalConfig?.(config)).resolves.toEqual({ channel: 'terminal:set-config', args: [config] });
    await expect(desktop.printHtml?.(request)).resolves.toEqual({ channel: 'print:html', args: [request] });
    await expect(desktop.leaveKiosk?.('1234')).resolves.toEqual({ channel: 'kiosk:leave', args: ['1234'] });
    await expect(desktop.version?.()).resolves.toEqual({ channel: 'app:version', args: [] });
    await expect(desktop.testHost?.('http://10.0.0.2:8620')).resolves.toEqual({ channel: 'terminal:test-host', args: ['http://10.0.0.2:8620'] });
    await expect(desktop.listPrinters?.()).resolves.toEqual({ channel: 'print:list-printers', args: [] });
    await expect(setup.getAppSetup?.()).resolves.toEqual({ channel: 'setup:get', args: [] });
    await expect(setup.saveAppSetup?.({ mode: 'host' }, '2468', 'Admin-pass-1')).resolves.toEqual({
      channel: 'setup:save',
      args: [{ mode: 'host' }, '2468', 'Admin-pass-1'],
    });
    await expect(setup.listDisplays?.()).resolves.toEqual({ channel: 'setup:displays', args: [] });
    await expect(setup.hallStatus?.()).resolves.toEqual({ channel: 'setup:hall-status', args: [] });
    await expect(setup.resetAdminPassword?.('2468', 'New-pass-1')).resolves.toEqual({ channel: 'setup:reset-admin-password', args: ['2468', 'New-pass-1'] });
    await expect(setup.exportRecoveryKey?.('2468')).resolves.toEqual({ channel: 'setup:export-recovery-key', args: ['2468'] });
    await expect(setup.importRecoveryKey?.('AB')).resolves.toEqual({ channel: 'setup:import-recovery-key', args: ['AB'] });
    for (const run of [staff, kiosk, setupRun]) expect(run.ipcRenderer.send).not.toHaveBeenCalled();
  });
});

describe('preload source', () => {
  it("requires nothing at run time but 'electron' (types only from the contract)", () => {
    expect(runPreload([`${WINDOW_ROLE_ARG}kiosk`]).required).toEqual(['electron']);
    const imports = [...preloadSource.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)';/gm)].map((m) => ({
      typeOnly: m[1] !== undefined,
      from: m[2],
    }));
    expect(imports).toEqual([
      { typeOnly: false, from: 'electron' },
      { typeOnly: true, from: '../contract/desktop.js' },
    ]);
    expect(preloadSource).not.toMatch(/import\s*\(/);
  });
});
