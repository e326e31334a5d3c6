// The shape of setup.json and its checks. Pure, so a damaged or hand-edited file and a page's
// save request are judged by the same rules in tests and at run time.
import type { AppSetup } from '../contract/desktop.js';
import { type Checked, isDeviceToken, isHttpUrl, isPlainObject, isTerminalRole, TERMINAL_ROLES, unknownKey } from './validation.js';

export const SETUP_FILE_VERSION = 1;
export const MAX_WINDOWS = 8;
/** scrypt needs about 128 * N * r bytes; more than this is not a hash we wrote. */
export const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;

/** scrypt parameters and result, base64; the parameters travel with the hash so they can grow later. */
export interface PinHash {
  algorithm: 'scrypt';
  salt: string;
  hash: string;
  N: number;
  r: number;
  p: number;
}

export interface SetupFile {
  version: typeof SETUP_FILE_VERSION;
  setup: AppSetup;
  adminPin: PinHash;
}

type Window = AppSetup['windows'][number];

function validateWindow(value: unknown, at: string): Checked<Window> {
  if (!isPlainObject(value)) return { ok: false, error: `${at}: must be an object` };
  const extra = unknownKey(value, ['role', 'displayId', 'deviceToken']);
  if (extra !== null) return { ok: false, error: `${at}.${extra}: unknown field` };
  if (!isTerminalRole(value.role)) return { ok: false, error: `${at}.role: must be one of ${TERMINAL_ROLES.join(', ')}` };
  // Electron display ids are large integers on some systems; 0 means the primary display.
  if (typeof value.displayId !== 'number' || !Number.isSafeInteger(value.displayId) || value.displayId < 0) {
    return { ok: false, error: `${at}.displayId: must be a whole number, 0 for the primary display` };
  }
  if (value.deviceToken !== undefined && !isDeviceToken(value.deviceToken)) {
    return { ok: false, error: `${at}.deviceToken: must be a non-empty string without control characters` };
  }
  const window: Window = { role: value.role, displayId: value.displayId };
  if (value.deviceToken !== undefined) window.deviceToken = value.deviceToken;
  return { ok: true, value: window };
}

export function validateAppSetup(value: unknown): Checked<AppSetup> {
  if (!isPlainObject(value)) return { ok: false, error: 'setup: must be an object' };
  const extra = unknownKey(value, ['mode', 'hostUrl', 'listenOnLan', 'port', 'windows', 'autoStart']);
  if (extra !== null) return { ok: false, error: `setup.${extra}: unknown field` };
  const { mode, hostUrl, listenOnLan, port, windows, autoStart } = value;
  if (autoStart !== undefined && typeof autoStart !== 'boolean') return { ok: false, error: 'setup.autoStart: must be true or false' };
  if (mode !== 'host' && mode !== 'terminal') return { ok: false, error: 'setup.mode: must be host or terminal' };
  if (!isHttpUrl(hostUrl)) return { ok: false, error: 'setup.hostUrl: must be an http or https URL' };
  if (typeof listenOnLan !== 'boolean') return { ok: false, error: 'setup.listenOnLan: must be true or false' };
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    return { ok: false, error: 'setup.port: must be a whole number from 1 to 65535' };
  }
  if (!Array.isArray(windows) || windows.length < 1 || windows.length > MAX_WINDOWS) {
    return { ok: false, error: `setup.windows: must list 1 to ${MAX_WINDOWS} windows` };
  }
  const checkedWindows: Window[] = [];
  for (const [index, entry] of windows.entries()) {
    const checked = validateWindow(entry, `setup.windows[${index}]`);
    if (!checked.ok) return checked;
    checkedWindows.push(checked.value);
  }
  const setup: AppSetup = { mode, hostUrl, listenOnLan, port, windows: checkedWindows };
  // Absent in a setup.json from before auto-start existed: no login item, as then.
  if (autoStart !== undefined) setup.autoStart = autoStart;
  return { ok: true, value: setup };
}

/** Bounds keep a tampered file from making every PIN check allocate gigabytes. */
export function validatePinHash(value: unknown): Checked<PinHash> {
  if (!isPlainObject(value)) return { ok: false, error: 'adminPin: must be an object' };
  const { algorithm, salt, hash, N, r, p } = value;
  if (algorithm !== 'scrypt') return { ok: false, error: 'adminPin.algorithm: must be scrypt' };
  const base64 = /^[A-Za-z0-9+/]+={0,2}$/;
  if (typeof salt !== 'string' || !base64.test(salt) || salt.length < 16) return { ok: false, error: 'adminPin.salt: must be base64' };
  if (typeof hash !== 'string' || !base64.test(hash) || hash.length < 32) return { ok: false, error: 'adminPin.hash: must be base64' };
  const powerOfTwo = typeof N === 'number' && Number.isInteger(N) && N >= 1024 && N <= 1 << 20 && (N & (N - 1)) === 0;
  if (!powerOfTwo) return { ok: false, error: 'adminPin.N: must be a power of two from 1024 to 1048576' };
  if (typeof r !== 'number' || !Number.isInteger(r) || r < 1 || r > 32) return { ok: false, error: 'adminPin.r: must be from 1 to 32' };
  if (typeof p !== 'number' || !Number.isInteger(p) || p < 1 || p > 16) return { ok: false, error: 'adminPin.p: must be from 1 to 16' };
  if (128 * N * r > MAX_SCRYPT_MEMORY) return { ok: false, error: 'adminPin: N and r together need more than 256 MB' };
  return { ok: true, value: { algorithm, salt, hash, N, r, p } };
}

export function parseSetupFile(text: string): Checked<SetupFile> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'setup.json: not valid JSON' };
  }
  if (!isPlainObject(data)) return { ok: false, error: 'setup.json: must be an object' };
  if (typeof data.version === 'number' && data.version > SETUP_FILE_VERSION) {
    return { ok: false, error: `setup.json: written by a newer version of the app (file version ${data.version})` };
  }
  if (data.version !== SETUP_FILE_VERSION) return { ok: false, error: `setup.json: version must be ${SETUP_FILE_VERSION}` };
  const setup = validateAppSetup(data.setup);
  if (!setup.ok) return setup;
  const adminPin = validatePinHash(data.adminPin);
  if (!adminPin.ok) return adminPin;
  return { ok: true, value: { version: SETUP_FILE_VERSION, setup: setup.value, adminPin: adminPin.value } };
}

export function serializeSetupFile(file: SetupFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
