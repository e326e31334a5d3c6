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

/** A printer as the OS lists it, for the admin's choice of slip printer. */
export interface PrinterInfo {
  /** What PrintRequest.printerName takes. */
  name: string;
  displayName: string;
}

/** What testHost found at a typed host address, asked by the main process (the page's CSP allows only the saved host). */
export type HostProbe = { ok: true; version: string; hallName: string | null } | { ok: false; error: 'invalid_url' | 'unreachable' | 'not_a_hall' };

export interface DesktopBridge {
  getTerminalConfig(): Promise<TerminalConfig | null>;
  /** Saves the config; when the host changed, the window reloads so its CSP allows the new host. */
  setTerminalConfig(config: TerminalConfig): Promise<void>;
  printHtml(request: PrintRequest): Promise<{ ok: true } | { ok: false; error: string }>;
  /** Leaves kiosk / full-screen mode if the admin PIN is right. */
  leaveKiosk(pin: string): Promise<boolean>;
  version(): Promise<string>;
  /** Checks that a typed host address answers as a hall before it is saved. */
  testHost(hostUrl: string): Promise<HostProbe>;
  /** The printers the OS knows, for the slip printer setting. */
  listPrinters(): Promise<PrinterInfo[]>;
}

/** The kinds of window the desktop app opens: one per terminal role, and the set-up window. */
export type WindowRole = TerminalRole | 'setup';

/**
 * What each window's preload exposes and the main process answers (DESIGN §2): a kiosk prints and
 * leaves kiosk mode with the PIN; the display and rating pad only read their config, pair and leave
 * kiosk mode; only the set-up window reaches the set-up (device tokens, ports, the admin password).
 */
export const ROLE_CAPABILITIES: Readonly<Record<WindowRole, readonly (keyof DesktopBridge)[]>> = {
  staff: ['getTerminalConfig', 'setTerminalConfig', 'printHtml', 'version', 'testHost', 'listPrinters'],
  kiosk: ['getTerminalConfig', 'setTerminalConfig', 'printHtml', 'leaveKiosk', 'version', 'testHost'],
  display: ['getTerminalConfig', 'setTerminalConfig', 'leaveKiosk', 'testHost'],
  rating: ['getTerminalConfig', 'setTerminalConfig', 'leaveKiosk', 'testHost'],
  setup: [],
};

/** The argument that tells a window's preload its role (webPreferences.additionalArguments). */
export const WINDOW_ROLE_ARG = '--hall-window=';

export const DESKTOP_BRIDGE_KEY = 'hallDesktop';

/** IPC channel names, one per preload method; the main process checks the sender of each. */
export const IPC = {
  getTerminalConfig: 'terminal:get-config',
  setTerminalConfig: 'terminal:set-config',
  printHtml: 'print:html',
  leaveKiosk: 'kiosk:leave',
  version: 'app:version',
  testHost: 'terminal:test-host',
  listPrinters: 'print:list-printers',
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
  /** Start the app when someone logs in to this PC (Windows login item, Linux autostart entry). Absent: no. */
  autoStart?: boolean;
}

export type SetupResult = { ok: true } | { ok: false; error: string };

/** The hall service's data on this PC, so the set-up page knows what to ask. */
export interface HallStatus {
  /** A hall database exists here (an admin exists; no first admin password to set). */
  hasDatabase: boolean;
  /** Its key is sealed by the OS keychain, so a recovery key can be exported. */
  keySealed: boolean;
  /** The PC has a usable keychain to seal an imported recovery key with. */
  keychainUsable: boolean;
}

export interface SetupBridge {
  getAppSetup(): Promise<AppSetup | null>;
  /**
   * Saves the set-up and the admin PIN (stored hashed) and restarts into the chosen mode. On a host
   * without a hall database, `hallAdminPassword` (8 to 128 characters) becomes user admin's password.
   */
  saveAppSetup(setup: AppSetup, adminPin: string, hallAdminPassword?: string): Promise<SetupResult>;
  listDisplays(): Promise<Array<{ id: number; label: string; width: number; height: number; primary: boolean }>>;
  hallStatus(): Promise<HallStatus>;
  /** For a hall whose admin password is lost: sets it (the hall service must not be running). */
  resetAdminPassword(adminPin: string, password: string): Promise<SetupResult>;
  /** The database key as a recovery key, to print and keep apart; the admin PIN is asked again. */
  exportRecoveryKey(adminPin: string): Promise<{ ok: true; recoveryKey: string } | { ok: false; error: string }>;
  /** On a new PC, before the first start: seals a recovery key so the moved database opens. */
  importRecoveryKey(recoveryKey: string): Promise<SetupResult>;
}

export const SETUP_BRIDGE_KEY = 'hallSetup';

export const SETUP_IPC = {
  getAppSetup: 'setup:get',
  saveAppSetup: 'setup:save',
  listDisplays: 'setup:displays',
  hallStatus: 'setup:hall-status',
  resetAdminPassword: 'setup:reset-admin-password',
  exportRecoveryKey: 'setup:export-recovery-key',
  importRecoveryKey: 'setup:import-recovery-key',
} as const;
