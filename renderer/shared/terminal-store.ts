// Where a terminal finds its host and its device token: from Electron's preload if there is one,
// else from localStorage (`hall.terminal.<role>`) for a plain browser.
import type { TerminalConfig, TerminalRole } from './contract';
import { desktopBridge } from './desktop-bridge';
import { normalizeHostUrl } from './host-url';

export const TERMINAL_ROLES: readonly TerminalRole[] = ['staff', 'kiosk', 'display', 'rating'];

export function terminalStorageKey(role: TerminalRole): string {
  return `hall.terminal.${role}`;
}

export function serializeTerminalConfig(config: TerminalConfig): string {
  const { hostUrl, role, deviceToken } = config;
  return JSON.stringify(deviceToken ? { hostUrl, role, deviceToken } : { hostUrl, role });
}

/** The stored config for `role`, or null if it is missing, unreadable or belongs to another role. */
export function parseTerminalConfig(raw: string | null, role: TerminalRole): TerminalConfig | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  const { hostUrl, role: storedRole, deviceToken } = value as Record<string, unknown>;
  if (storedRole !== role || typeof hostUrl !== 'string') return null;
  const origin = normalizeHostUrl(hostUrl);
  if (!origin) return null;
  if (deviceToken !== undefined && (typeof deviceToken !== 'string' || !deviceToken)) return null;
  return deviceToken ? { hostUrl: origin, role, deviceToken } : { hostUrl: origin, role };
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function browserStore(): KeyValueStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export async function loadTerminalConfig(role: TerminalRole, store: KeyValueStore | null = browserStore()): Promise<TerminalConfig | null> {
  const bridge = desktopBridge();
  if (bridge) {
    const config = await bridge.getTerminalConfig();
    return config ? parseTerminalConfig(JSON.stringify(config), role) : null;
  }
  return parseTerminalConfig(store?.getItem(terminalStorageKey(role)) ?? null, role);
}

export async function saveTerminalConfig(config: TerminalConfig, store: KeyValueStore | null = browserStore()): Promise<void> {
  const bridge = desktopBridge();
  if (bridge) {
    await bridge.setTerminalConfig(config);
    return;
  }
  store?.setItem(terminalStorageKey(config.role), serializeTerminalConfig(config));
}

/** Forgets the device token but keeps the host address, so re-pairing only needs a new code. */
export async function forgetPairing(config: TerminalConfig, store: KeyValueStore | null = browserStore()): Promise<TerminalConfig> {
  const unpaired: TerminalConfig = { hostUrl: config.hostUrl, role: config.role };
  await saveTerminalConfig(unpaired, store);
  return unpaired;
}
