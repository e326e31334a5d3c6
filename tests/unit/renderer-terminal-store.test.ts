import { describe, expect, it } from 'vitest';
import { normalizeHostUrl, servedOrigin } from '../../renderer/shared/host-url';
import {
  forgetPairing,
  loadTerminalConfig,
  parseTerminalConfig,
  saveTerminalConfig,
  serializeTerminalConfig,
  terminalStorageKey,
  type KeyValueStore,
} from '../../renderer/shared/terminal-store';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

describe('host addresses', () => {
  it('accepts what people type and keeps only the origin', () => {
    expect(normalizeHostUrl('192.168.1.10:8620')).toBe('http://192.168.1.10:8620');
    expect(normalizeHostUrl(' https://hall.local/api/ ')).toBe('https://hall.local');
    expect(normalizeHostUrl('http://localhost:8631/')).toBe('http://localhost:8631');
  });
  it('refuses what cannot be a hall host', () => {
    for (const bad of ['', '   ', 'ftp://x', 'javascript:alert(1)', 'http://', 'app://hall/']) expect(normalizeHostUrl(bad), bad).toBeNull();
  });
  it('uses the page origin only when served over http(s)', () => {
    expect(servedOrigin({ protocol: 'http:', origin: 'http://h:8620' })).toBe('http://h:8620');
    expect(servedOrigin({ protocol: 'app:', origin: 'null' })).toBe('');
  });
});

describe('terminal config', () => {
  it('round-trips through its stored form', () => {
    const config = { hostUrl: 'http://h:8620', role: 'kiosk' as const, deviceToken: 'tok' };
    expect(parseTerminalConfig(serializeTerminalConfig(config), 'kiosk')).toEqual(config);
    const unpaired = { hostUrl: 'http://h:8620', role: 'display' as const };
    expect(serializeTerminalConfig(unpaired)).not.toContain('deviceToken');
    expect(parseTerminalConfig(serializeTerminalConfig(unpaired), 'display')).toEqual(unpaired);
  });

  it('ignores a config for another role, a broken one, or one with a bad host', () => {
    const kiosk = serializeTerminalConfig({ hostUrl: 'http://h:8620', role: 'kiosk', deviceToken: 't' });
    expect(parseTerminalConfig(kiosk, 'rating')).toBeNull();
    expect(parseTerminalConfig('{not json', 'kiosk')).toBeNull();
    expect(parseTerminalConfig('null', 'kiosk')).toBeNull();
    expect(parseTerminalConfig(JSON.stringify({ hostUrl: 'file:///x', role: 'kiosk' }), 'kiosk')).toBeNull();
    expect(parseTerminalConfig(JSON.stringify({ hostUrl: 'http://h', role: 'kiosk', deviceToken: 5 }), 'kiosk')).toBeNull();
  });

  it('is kept per role in the browser store, and unpairing keeps the host address', async () => {
    const store = memoryStore();
    await saveTerminalConfig({ hostUrl: 'http://h:8620', role: 'kiosk', deviceToken: 'tok' }, store);
    expect([...store.data.keys()]).toEqual([terminalStorageKey('kiosk')]);
    expect(terminalStorageKey('kiosk')).toBe('hall.terminal.kiosk');
    const loaded = await loadTerminalConfig('kiosk', store);
    expect(loaded?.deviceToken).toBe('tok');
    expect(await loadTerminalConfig('display', store)).toBeNull();
    await forgetPairing(loaded!, store);
    expect(await loadTerminalConfig('kiosk', store)).toEqual({ hostUrl: 'http://h:8620', role: 'kiosk' });
  });
});
