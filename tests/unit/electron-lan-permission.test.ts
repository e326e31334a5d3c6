import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ shell: { openExternal: vi.fn() } }));

import { addressScope, allowsLocalNetwork, LOCAL_NETWORK_PERMISSIONS } from '../../electron/main/lan-permission.js';
import { installSecurity } from '../../electron/main/security.js';
import { TerminalRegistry } from '../../electron/main/terminal-registry.js';

describe('addressScope', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['localhost', 'loopback'],
    ['[::1]', 'loopback'],
    ['192.168.1.20', 'private'],
    ['10.3.0.7', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['169.254.10.1', 'private'],
    ['[fd12::1]', 'private'],
    ['[fe80::1]', 'private'],
    ['[::ffff:192.168.0.2]', 'private'],
    ['172.32.0.1', 'public'],
    ['8.8.8.8', 'public'],
    ['hall.example.gov.cn', 'public'],
    ['[2001:db8::1]', 'public'],
  ])('%s is %s', (host, scope) => {
    expect(addressScope(host)).toBe(scope);
  });
});

describe('allowsLocalNetwork', () => {
  const page = 'app://hall/kiosk.html';

  it('grants local network access to our page paired with a LAN host', () => {
    expect(allowsLocalNetwork('local-network-access', page, 'http://192.168.1.20:8620')).toBe(true);
    expect(allowsLocalNetwork('local-network', page, 'http://192.168.1.20:8620')).toBe(true);
    expect(allowsLocalNetwork('local-network-access', page, 'http://127.0.0.1:8620')).toBe(true);
    expect(allowsLocalNetwork('loopback-network', page, 'http://127.0.0.1:8620')).toBe(true);
  });

  it('grants only the kind the paired host needs', () => {
    expect(allowsLocalNetwork('loopback-network', page, 'http://192.168.1.20:8620')).toBe(false);
    expect(allowsLocalNetwork('local-network', page, 'http://127.0.0.1:8620')).toBe(false);
  });

  it('refuses a window with no paired host (set-up, print), another page, or a public host', () => {
    expect(allowsLocalNetwork('local-network-access', page, null)).toBe(false);
    expect(allowsLocalNetwork('local-network-access', 'https://evil.example/', 'http://192.168.1.20:8620')).toBe(false);
    expect(allowsLocalNetwork('local-network-access', 'app://hall.evil/kiosk.html', 'http://192.168.1.20:8620')).toBe(false);
    expect(allowsLocalNetwork('local-network-access', undefined, 'http://192.168.1.20:8620')).toBe(false);
    expect(allowsLocalNetwork('local-network-access', page, 'https://hall.example.gov.cn')).toBe(false);
    expect(allowsLocalNetwork('local-network-access', page, 'not a url')).toBe(false);
  });

  it('never grants anything else, whatever the page and host', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'usb', 'unknown']) {
      expect(allowsLocalNetwork(permission, page, 'http://192.168.1.20:8620'), permission).toBe(false);
    }
  });
});

describe('the session permission handlers with the LAN rule', () => {
  function installedWithTerminals() {
    const terminals = new TerminalRegistry();
    terminals.add({ contentsId: 4, role: 'kiosk', index: 0, config: { hostUrl: 'http://192.168.1.20:8620', role: 'kiosk' } });
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    // The same rule index.ts installs: the window's paired host, from the terminal registry.
    installSecurity({ on: vi.fn() } as never, session as never, (contents, permission, url) =>
      allowsLocalNetwork(permission, url, contents === null ? null : (terminals.get(contents.id)?.config.hostUrl ?? null)),
    );
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (wc: unknown, p: string, cb: (ok: boolean) => void, d: unknown) => void;
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (wc: unknown, p: string, origin: string, d: unknown) => boolean;
    const ask = (contentsId: number, permission: string, url = 'app://hall/kiosk.html') => {
      const callback = vi.fn();
      request({ id: contentsId }, permission, callback, { requestingUrl: url, isMainFrame: true });
      return callback.mock.calls[0]?.[0] as boolean;
    };
    return { ask, check };
  }

  it('grants LNA to the paired kiosk window only; every other permission and window is refused', () => {
    const { ask, check } = installedWithTerminals();
    expect(ask(4, 'local-network-access')).toBe(true);
    expect(ask(5, 'local-network-access')).toBe(false);
    expect(ask(4, 'media')).toBe(false);
    expect(ask(4, 'local-network-access', 'https://evil.example/')).toBe(false);
    expect(check({ id: 4 }, 'local-network-access', 'app://hall', { isMainFrame: true })).toBe(true);
    expect(check(null, 'local-network-access', 'app://hall', { isMainFrame: true })).toBe(false);
    expect(check({ id: 4 }, 'notifications', 'app://hall', { isMainFrame: true })).toBe(false);
    for (const permission of LOCAL_NETWORK_PERMISSIONS) expect(ask(9, permission)).toBe(false);
  });
});
