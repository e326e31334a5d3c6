// Which open window is which terminal: its role, its place in AppSetup.windows and the config its
// page reads through the bridge. Keyed by web contents id, the identity an IPC event carries.
import type { TerminalConfig, TerminalRole } from '../contract/desktop.js';

export interface TerminalWindow {
  contentsId: number;
  role: TerminalRole;
  /** Index into AppSetup.windows, where this window's device token is kept. */
  index: number;
  config: TerminalConfig;
}

export class TerminalRegistry {
  private readonly byContents = new Map<number, TerminalWindow>();

  add(entry: TerminalWindow): void {
    this.byContents.set(entry.contentsId, { ...entry, config: { ...entry.config } });
  }

  remove(contentsId: number): void {
    this.byContents.delete(contentsId);
  }

  get(contentsId: number): TerminalWindow | null {
    return this.byContents.get(contentsId) ?? null;
  }

  setConfig(contentsId: number, config: TerminalConfig): void {
    const entry = this.byContents.get(contentsId);
    if (entry) entry.config = { ...config };
  }

  /** Every host a page may talk to, for the CSP's connect-src. */
  hostUrls(): string[] {
    return [...new Set([...this.byContents.values()].map((entry) => entry.config.hostUrl))];
  }
}
