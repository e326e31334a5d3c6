// Starting the app when someone logs in to the PC, so a host comes back after a reboot: a login
// item on Windows (app.setLoginItemSettings), an XDG autostart entry on Linux
// (~/.config/autostart). Chosen in the set-up screen (AppSetup.autoStart).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const AUTOSTART_FILE = 'township-service-hall.desktop';

export interface LoginItemApp {
  setLoginItemSettings(settings: { openAtLogin: boolean; path?: string; args?: string[] }): void;
}

export interface LoginItemPlace {
  platform: NodeJS.Platform;
  /** The program to start: process.execPath, or $APPIMAGE for an AppImage (its execPath is a temporary mount). */
  executable: string;
  /** Arguments for a development start (`electron .` needs the project folder); none when packaged. */
  args: string[];
  /** $XDG_CONFIG_HOME, or ~/.config. */
  configDir: string;
}

/** A desktop entry value with spaces or quotes quoted as the XDG spec asks. */
function quoteExec(value: string): string {
  return /[\s"'\\$`]/.test(value) ? `"${value.replace(/(["\\$`])/g, '\\$1')}"` : value;
}

export function linuxAutostartEntry(place: Pick<LoginItemPlace, 'executable' | 'args'>): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=乡镇便民服务中心',
    'Name[en]=Township Service Hall',
    `Exec=${[place.executable, ...place.args].map(quoteExec).join(' ')}`,
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n');
}

export function autostartFile(configDir: string): string {
  return path.join(configDir, 'autostart', AUTOSTART_FILE);
}

/** Turns starting at login on or off for this user; other platforms: nothing (and false). */
export function applyLoginItem(enabled: boolean, place: LoginItemPlace, app: LoginItemApp): boolean {
  if (place.platform === 'win32' || place.platform === 'darwin') {
    app.setLoginItemSettings({ openAtLogin: enabled, path: place.executable, args: place.args });
    return true;
  }
  if (place.platform !== 'linux') return false;
  const file = autostartFile(place.configDir);
  if (!enabled) {
    rmSync(file, { force: true });
    return true;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, linuxAutostartEntry(place), { mode: 0o644 });
  return true;
}
