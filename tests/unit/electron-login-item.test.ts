import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyLoginItem, autostartFile, linuxAutostartEntry } from '../../electron/main/login-item.js';

vi.mock('electron', () => ({}));
import { resetAdminArgs, resetOutcome } from '../../electron/main/hall-maintenance.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('starting at login', () => {
  it('Linux: writes an XDG autostart entry that starts this program, and removes it when turned off', () => {
    const configDir = mkdtempSync(path.join(os.tmpdir(), 'hall-xdg-'));
    dirs.push(configDir);
    const app = { setLoginItemSettings: vi.fn() };
    const place = { platform: 'linux' as const, executable: '/opt/乡镇便民服务中心/township-service-hall', args: [], configDir };
    expect(applyLoginItem(true, place, app)).toBe(true);
    const entry = readFileSync(autostartFile(configDir), 'utf8');
    expect(entry).toContain('[Desktop Entry]');
    expect(entry).toContain('Exec=/opt/乡镇便民服务中心/township-service-hall\n');
    expect(entry).toContain('Type=Application');
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
    expect(applyLoginItem(false, place, app)).toBe(true);
    expect(existsSync(autostartFile(configDir))).toBe(false);
    // Turning it off twice is harmless.
    expect(applyLoginItem(false, place, app)).toBe(true);
  });

  it('quotes a path with spaces, and a development start names the project folder', () => {
    expect(linuxAutostartEntry({ executable: '/home/hall/My Apps/hall.AppImage', args: [] })).toContain('Exec="/home/hall/My Apps/hall.AppImage"\n');
    expect(linuxAutostartEntry({ executable: '/src/node_modules/electron/dist/electron', args: ['/src/hall'] })).toContain(
      'Exec=/src/node_modules/electron/dist/electron /src/hall\n',
    );
  });

  it('Windows: a login item for this executable, on and off', () => {
    const app = { setLoginItemSettings: vi.fn() };
    const place = { platform: 'win32' as const, executable: 'C:\\\\Program Files\\\\hall\\\\township-service-hall.exe', args: [], configDir: 'unused' };
    applyLoginItem(true, place, app);
    applyLoginItem(false, place, app);
    expect(app.setLoginItemSettings.mock.calls).toEqual([
      [{ openAtLogin: true, path: place.executable, args: [] }],
      [{ openAtLogin: false, path: place.executable, args: [] }],
    ]);
  });
});

describe('the admin reset from the set-up window', () => {
  it('runs the hall CLI reset on the data folder with the typed password', () => {
    expect(resetAdminArgs('/u/hall-data', 'New-admin-pass')).toEqual(['--reset-admin-password', '--data', '/u/hall-data', '--admin-password', 'New-admin-pass']);
  });

  it('tells a done reset, a database in use and any other failure apart', () => {
    expect(resetOutcome(0)).toEqual({ ok: true });
    expect(resetOutcome(6)).toEqual({ ok: false, error: 'hall_running' });
    expect(resetOutcome(4)).toEqual({ ok: false, error: 'reset_failed' });
    expect(resetOutcome(null)).toEqual({ ok: false, error: 'reset_failed' });
  });
});
