// What the Electron preload exposes to windows as `window.hallDesktop`. Only what a browser cannot do.
// In a plain browser it is absent and the renderer falls back to localStorage and window.print().

export type TerminalRole = 'staff' | 'kiosk' | 'display' | 'rating';

/** Where this terminal finds its host and how it proves who it is. */
export interface TerminalConfig {
  hostUrl: string;
  /** Device token from pairing; absent for staff terminals, whose users log in. */
  deviceToken?: string;
  role: TerminalRole;
}

export interface PrintRequest {
  /** A complete HTML document (slip or notice), rendered off-screen and printed. */
  html: string;
  /** The printer's name as the OS knows it; empty for the default printer. */
  printerName: string;
  /** Paper width in micrometres for slips (58 mm = 58000); omitted for A4. */
  pageWidthMicrons?: number;
}

export interface DesktopBridge {
  getTerminalConfig(): Promise<TerminalConfig | null>;
  setTerminalConfig(config: TerminalConfig): Promise<void>;
  printHtml(request: PrintRequest): Promise<{ ok: true } | { ok: false; error: string }>;
  /** Leaves kiosk / full-screen mode if the admin PIN is right. */
  leaveKiosk(pin: string): Promise<boolean>;
  version(): Promise<string>;
}

export const DESKTOP_BRIDGE_KEY = 'hallDesktop';

/** IPC channel names, one per preload method; the main process checks the sender of each. */
export const IPC = {
  getTerminalConfig: 'terminal:get-config',
  setTerminalConfig: 'terminal:set-config',
  printHtml: 'print:html',
  leaveKiosk: 'kiosk:leave',
  version: 'app:version',
} as const;

/** The desktop app's own set-up, chosen on first run (DESIGN §2). */
export interface AppSetup {
  /** host: this PC runs the hall service; terminal: it only opens windows on another host. */
  mode: 'host' | 'terminal';
  /** The hall host's URL; in host mode it is this PC's own service. */
  hostUrl: string;
  /** In host mode, whether other PCs on the LAN may connect (listen on 0.0.0.0) or only this one. */
  listenOnLan: boolean;
  port: number;
  /** One window per role, each on the display with this id (0 = primary). */
  windows: Array<{ role: TerminalRole; displayId: number; deviceToken?: string }>;
}

export interface SetupBridge {
  getAppSetup(): Promise<AppSetup | null>;
  /** Saves the set-up and the admin PIN (stored hashed) and restarts into the chosen mode. */
  saveAppSetup(setup: AppSetup, adminPin: string): Promise<{ ok: true } | { ok: false; error: string }>;
  listDisplays(): Promise<Array<{ id: number; label: string; width: number; height: number; primary: boolean }>>;
}

export const SETUP_BRIDGE_KEY = 'hallSetup';

export const SETUP_IPC = {
  getAppSetup: 'setup:get',
  saveAppSetup: 'setup:save',
  listDisplays: 'setup:displays',
} as const;
