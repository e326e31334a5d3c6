import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DESKTOP_BRIDGE_KEY, IPC, SETUP_BRIDGE_KEY, SETUP_IPC } from '../../electron/contract/desktop.js';

type Api = Record<string, (...args: unknown[]) => unknown>;

const electron = {
  exposed: new Map<string, Api>(),
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args })), send: vi.fn(), on: vi.fn() },
};
electron.contextBridge.exposeInMainWorld.mockImplementation((key: string, api: Api) => electron.exposed.set(key, api));

const preloadSource = readFileSync(new URL('../../electron/main/preload.cts', import.meta.url), 'utf8');
let preload: { PRELOAD_IPC: Record<string, string>; PRELOAD_SETUP_IPC: Record<string, string> };
const required: string[] = [];

/**
 * Runs the preload the way a sandboxed renderer does: compiled to CommonJS, wrapped in a function
 * given require/module/exports, with a require that knows 'electron' and nothing else.
 */
beforeAll(() => {
  const { outputText } = ts.transpileModule(preloadSource, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  const module = { exports: {} as typeof preload };
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return { contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer };
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  new Function('require', 'module', 'exports', outputText)(sandboxRequire, module, module.exports);
  preload = module.exports;
});

describe('preload channel names', () => {
  it('equal the contract', () => {
    expect(preload.PRELOAD_IPC).toEqual(IPC);
    expect(preload.PRELOAD_SETUP_IPC).toEqual(SETUP_IPC);
  });
});

describe('exposed bridges', () => {
  it('are exactly hallDesktop and hallSetup', () => {
    expect([...electron.exposed.keys()]).toEqual([DESKTOP_BRIDGE_KEY, SETUP_BRIDGE_KEY]);
  });

  it('offer only the contract methods, never ipcRenderer or a generic send', () => {
    expect(Object.keys(electron.exposed.get(DESKTOP_BRIDGE_KEY) ?? {}).sort()).toEqual(Object.keys(IPC).sort());
    expect(Object.keys(electron.exposed.get(SETUP_BRIDGE_KEY) ?? {}).sort()).toEqual(Object.keys(SETUP_IPC).sort());
    for (const api of electron.exposed.values()) {
      for (const value of Object.values(api)) expect(value).toBeTypeOf('function');
      expect(Object.values(api)).not.toContain(electron.ipcRenderer);
    }
  });

  it('invoke the fixed channel of each method with its arguments', async () => {
    const desktop = electron.exposed.get(DESKTOP_BRIDGE_KEY) ?? {};
    const setup = electron.exposed.get(SETUP_BRIDGE_KEY) ?? {};
    const config = { hostUrl: 'http://127.0.0.1:8620', role: 'kiosk' };
    const request = { html: '<p/>', printerName: '' };
    await expect(desktop.getTerminalConfig?.()).resolves.toEqual({ channel: 'terminal:get-config', args: [] });
    await expect(desktop.setTerminalConfig?.(config)).resolves.toEqual({ channel: 'terminal:set-config', args: [config] });
    await expect(desktop.printHtml?.(request)).resolves.toEqual({ channel: 'print:html', args: [request] });
    await expect(desktop.leaveKiosk?.('1234')).resolves.toEqual({ channel: 'kiosk:leave', args: ['1234'] });
    await expect(desktop.version?.()).resolves.toEqual({ channel: 'app:version', args: [] });
    await expect(setup.getAppSetup?.()).resolves.toEqual({ channel: 'setup:get', args: [] });
    await expect(setup.saveAppSetup?.({ mode: 'host' }, '2468')).resolves.toEqual({ channel: 'setup:save', args: [{ mode: 'host' }, '2468'] });
    await expect(setup.listDisplays?.()).resolves.toEqual({ channel: 'setup:displays', args: [] });
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
  });
});

describe('preload source', () => {
  it("requires nothing at run time but 'electron' (types only from the contract)", () => {
    expect(required).toEqual(['electron']);
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
