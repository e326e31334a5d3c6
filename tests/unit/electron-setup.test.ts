import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppSetup } from '../../electron/contract/desktop.js';
import { PinAttemptLimiter } from '../../electron/main/pin-attempts.js';
import { parseSetupFile, serializeSetupFile, validateAppSetup, validatePinHash, type SetupFile } from '../../electron/main/setup-file.js';
import {
  hashPin,
  readSetupFile,
  setAsideSetupFile,
  SetupFileError,
  SetupStore,
  verifyPin,
  writeSetupFile,
} from '../../electron/main/setup-store.js';
import { validatePrintRequest, validateTerminalConfig } from '../../electron/main/validation.js';

const setup: AppSetup = {
  mode: 'host',
  hostUrl: 'http://127.0.0.1:8620',
  listenOnLan: true,
  port: 8620,
  windows: [
    { role: 'staff', displayId: 0 },
    { role: 'display', displayId: 2779098405, deviceToken: 'dev-display-1' },
  ],
};

const pinHash = {
  algorithm: 'scrypt' as const,
  salt: 'c2FsdHNhbHRzYWx0c2FsdA==',
  hash: 'aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=',
  N: 16384,
  r: 8,
  p: 1,
};

describe('validateAppSetup', () => {
  it('accepts a complete set-up and returns an equal copy', () => {
    const checked = validateAppSetup(setup);
    expect(checked).toEqual({ ok: true, value: setup });
    if (checked.ok) expect(checked.value).not.toBe(setup);
  });

  it('keeps auto-start when chosen, and reads a setup.json from before it existed as off', () => {
    expect(validateAppSetup({ ...setup, autoStart: true })).toEqual({ ok: true, value: { ...setup, autoStart: true } });
    expect(validateAppSetup(setup)).toEqual({ ok: true, value: setup });
  });

  it.each([
    [{ ...setup, mode: 'server' }, 'setup.mode: must be host or terminal'],
    [{ ...setup, hostUrl: 'javascript:alert(1)' }, 'setup.hostUrl: must be an http or https URL'],
    [{ ...setup, hostUrl: 'ftp://10.0.0.2/' }, 'setup.hostUrl: must be an http or https URL'],
    [{ ...setup, listenOnLan: 'yes' }, 'setup.listenOnLan: must be true or false'],
    [{ ...setup, port: 70000 }, 'setup.port: must be a whole number from 1 to 65535'],
    [{ ...setup, port: 86.2 }, 'setup.port: must be a whole number from 1 to 65535'],
    [{ ...setup, windows: [] }, 'setup.windows: must list 1 to 8 windows'],
    [{ ...setup, windows: [{ role: 'admin', displayId: 0 }] }, 'setup.windows[0].role: must be one of staff, kiosk, display, rating'],
    [{ ...setup, windows: [{ role: 'kiosk', displayId: -1 }] }, 'setup.windows[0].displayId: must be a whole number, 0 for the primary display'],
    [{ ...setup, windows: [{ role: 'kiosk', displayId: 0, deviceToken: '' }] }, 'setup.windows[0].deviceToken: must be a non-empty string without control characters'],
    [{ ...setup, windows: [{ role: 'kiosk', displayId: 0, x: 1 }] }, 'setup.windows[0].x: unknown field'],
    [{ ...setup, adminPin: '1234' }, 'setup.adminPin: unknown field'],
    [{ ...setup, autoStart: 'yes' }, 'setup.autoStart: must be true or false'],
    [null, 'setup: must be an object'],
  ])('refuses %j', (value, error) => {
    expect(validateAppSetup(value)).toEqual({ ok: false, error });
  });
});

describe('parseSetupFile', () => {
  const file: SetupFile = { version: 1, setup, adminPin: pinHash };

  it('reads what serializeSetupFile writes', () => {
    expect(parseSetupFile(serializeSetupFile(file))).toEqual({ ok: true, value: file });
  });

  it('refuses damaged, future and incomplete files', () => {
    expect(parseSetupFile('{"version":1,')).toEqual({ ok: false, error: 'setup.json: not valid JSON' });
    expect(parseSetupFile(JSON.stringify({ ...file, version: 2 }))).toEqual({
      ok: false,
      error: 'setup.json: written by a newer version of the app (file version 2)',
    });
    expect(parseSetupFile(JSON.stringify({ ...file, version: 0 }))).toEqual({ ok: false, error: 'setup.json: version must be 1' });
    expect(parseSetupFile(JSON.stringify({ version: 1, setup }))).toEqual({ ok: false, error: 'adminPin: must be an object' });
  });

  it('refuses scrypt parameters that would make a PIN check exhaust memory', () => {
    expect(validatePinHash({ ...pinHash, N: 1 << 20, r: 16 })).toEqual({ ok: false, error: 'adminPin: N and r together need more than 256 MB' });
    expect(validatePinHash({ ...pinHash, N: 3000 })).toEqual({ ok: false, error: 'adminPin.N: must be a power of two from 1024 to 1048576' });
    expect(validatePinHash({ ...pinHash, algorithm: 'md5' })).toEqual({ ok: false, error: 'adminPin.algorithm: must be scrypt' });
  });
});

describe('PIN hashing', () => {
  it('verifies the right PIN and refuses a wrong one', async () => {
    const stored = await hashPin('246810');
    expect(stored.algorithm).toBe('scrypt');
    expect(stored.N).toBe(16384);
    expect(stored.hash).not.toContain('246810');
    expect(validatePinHash(stored)).toEqual({ ok: true, value: stored });
    await expect(verifyPin('246810', stored)).resolves.toBe(true);
    await expect(verifyPin('246811', stored)).resolves.toBe(false);
    await expect(verifyPin('246810', { ...stored, hash: Buffer.alloc(16).toString('base64') })).resolves.toBe(false);
  });

  it('salts each hash', async () => {
    const [a, b] = await Promise.all([hashPin('1234'), hashPin('1234')]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });
});

describe('setup.json on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'hall-userdata-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is null before the first run', async () => {
    await expect(readSetupFile(dir)).resolves.toBeNull();
  });

  it('round-trips and leaves no temporary file behind', async () => {
    const file: SetupFile = { version: 1, setup, adminPin: pinHash };
    await writeSetupFile(path.join(dir, 'nested'), file);
    await expect(readSetupFile(path.join(dir, 'nested'))).resolves.toEqual(file);
    expect(readdirSync(path.join(dir, 'nested'))).toEqual(['setup.json']);
  });

  it('reports a damaged file and can set it aside', async () => {
    writeFileSync(path.join(dir, 'setup.json'), '{"version":1');
    await expect(readSetupFile(dir)).rejects.toThrow(new SetupFileError('setup.json: not valid JSON'));
    const aside = await setAsideSetupFile(dir, new Date('2025-03-01T08:00:00.000Z'));
    expect(path.basename(aside)).toBe('setup.json.damaged-2025-03-01T08-00-00-000Z');
    expect(readFileSync(aside, 'utf8')).toBe('{"version":1');
    await expect(readSetupFile(dir)).resolves.toBeNull();
  });

  it('SetupStore applies updates one after another', async () => {
    const store = new SetupStore(dir, { version: 1, setup, adminPin: pinHash });
    const withToken = (token: string) => (current: SetupFile | null): SetupFile => {
      if (current === null) throw new Error('no set-up');
      return { ...current, setup: { ...current.setup, windows: [...current.setup.windows, { role: 'kiosk', displayId: 0, deviceToken: token }] } };
    };
    await Promise.all([store.update(withToken('a')), store.update(withToken('b'))]);
    const tokens = store.current()?.setup.windows.map((w) => w.deviceToken);
    expect(tokens).toEqual([undefined, 'dev-display-1', 'a', 'b']);
    expect((await readSetupFile(dir))?.setup.windows.length).toBe(4);
  });
});

describe('PinAttemptLimiter', () => {
  it('locks after five failures in five minutes and unlocks when they age out', () => {
    let now = 0;
    const limiter = new PinAttemptLimiter({ maxFailures: 5, windowMs: 300_000, now: () => now });
    for (let i = 0; i < 4; i += 1) limiter.recordFailure();
    expect(limiter.isLocked()).toBe(false);
    now = 1_000;
    limiter.recordFailure();
    expect(limiter.isLocked()).toBe(true);
    expect(limiter.retryAfterMs()).toBe(299_000);
    now = 300_000;
    expect(limiter.isLocked()).toBe(false);
  });

  it('forgets failures after a right PIN', () => {
    const limiter = new PinAttemptLimiter({ maxFailures: 2, windowMs: 1_000, now: () => 0 });
    limiter.recordFailure();
    limiter.recordSuccess();
    limiter.recordFailure();
    expect(limiter.isLocked()).toBe(false);
  });
});

describe('validateTerminalConfig', () => {
  it('accepts http(s) hosts and drops nothing it needs', () => {
    expect(validateTerminalConfig({ hostUrl: 'http://192.168.1.20:8620', role: 'kiosk', deviceToken: 'tok' })).toEqual({
      ok: true,
      value: { hostUrl: 'http://192.168.1.20:8620', role: 'kiosk', deviceToken: 'tok' },
    });
    expect(validateTerminalConfig({ hostUrl: 'https://hall.example', role: 'staff' })).toEqual({
      ok: true,
      value: { hostUrl: 'https://hall.example', role: 'staff' },
    });
  });

  it.each([
    [{ hostUrl: 'file:///etc', role: 'staff' }, 'config.hostUrl: must be an http or https URL'],
    [{ hostUrl: 'http://', role: 'staff' }, 'config.hostUrl: must be an http or https URL'],
    [{ hostUrl: 'http://h', role: 'root' }, 'config.role: must be one of staff, kiosk, display, rating'],
    [{ hostUrl: 'http://h', role: 'kiosk', deviceToken: 'a\nb' }, 'config.deviceToken: must be a non-empty string without control characters'],
    [{ hostUrl: 'http://h', role: 'kiosk', extra: 1 }, 'config.extra: unknown field'],
    ['http://h', 'config: must be an object'],
  ])('refuses %j', (value, error) => {
    expect(validateTerminalConfig(value)).toEqual({ ok: false, error });
  });
});

describe('validatePrintRequest', () => {
  it('accepts a slip and an A4 notice', () => {
    expect(validatePrintRequest({ html: '<p>A001</p>', printerName: 'XP-58', pageWidthMicrons: 58000 })).toEqual({
      ok: true,
      value: { html: '<p>A001</p>', printerName: 'XP-58', pageWidthMicrons: 58000 },
    });
    expect(validatePrintRequest({ html: '<p>告知书</p>', printerName: '' })).toEqual({ ok: true, value: { html: '<p>告知书</p>', printerName: '' } });
  });

  it('refuses more than 2 MB, counted in UTF-8 bytes', () => {
    const justUnder = 'a'.repeat(2 * 1024 * 1024);
    expect(validatePrintRequest({ html: justUnder, printerName: '' }).ok).toBe(true);
    // 700 000 Chinese characters are 2.1 MB in UTF-8 though only 0.7 M UTF-16 units.
    expect(validatePrintRequest({ html: '号'.repeat(700_000), printerName: '' })).toEqual({ ok: false, error: 'request.html: larger than 2 MB' });
  });

  it.each([
    [{ html: 1, printerName: '' }, 'request.html: must be a non-empty string'],
    [{ html: '<p/>', printerName: null }, 'request.printerName: must be a printer name (may be empty)'],
    [{ html: '<p/>', printerName: '', pageWidthMicrons: 58.5 }, 'request.pageWidthMicrons: must be an integer from 20000 to 1000000'],
    [{ html: '<p/>', printerName: '', pageWidthMicrons: 100 }, 'request.pageWidthMicrons: must be an integer from 20000 to 1000000'],
    [{ html: '<p/>', printerName: '', silent: false }, 'request.silent: unknown field'],
  ])('refuses %j', (value, error) => {
    expect(validatePrintRequest(value)).toEqual({ ok: false, error });
  });
});
