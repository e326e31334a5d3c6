// Which hall host the staff app talks to: Electron's terminal config, else a stored override,
// else the host that served this page.
import { desktopBridge } from '../shared/desktop-bridge';
import { servedOrigin } from '../shared/host-url';
import { loadTerminalConfig } from '../shared/terminal-store';

export async function resolveStaffHostUrl(): Promise<string> {
  const config = await loadTerminalConfig('staff').catch(() => null);
  if (config) return config.hostUrl;
  if (desktopBridge()) return '';
  return servedOrigin(window.location);
}
