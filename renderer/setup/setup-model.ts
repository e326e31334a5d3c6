// The first-run set-up form as plain data: filled from a saved AppSetup, checked into a new one.
import type { AppSetup, TerminalRole } from '../shared/contract';
import { normalizeHostUrl } from '../shared/host-url';

export const WINDOW_ROLES: readonly TerminalRole[] = ['staff', 'kiosk', 'display', 'rating'];
export const DEFAULT_PORT = 8620;

export interface WindowChoice {
  open: boolean;
  displayId: number;
  /** A pairing code for kiosk, display and rating windows; empty means "pair on the screen". */
  pairingCode: string;
}

export interface SetupForm {
  mode: AppSetup['mode'];
  hostUrl: string;
  port: string;
  listenOnLan: boolean;
  windows: Record<TerminalRole, WindowChoice>;
  /** Start at login (AppSetup.autoStart); on by default for a host, which must come back after a reboot. */
  autoStart: boolean;
  pin: string;
  pinAgain: string;
  /** The first admin password of a new hall (host mode, no database yet). */
  adminPassword: string;
  adminPasswordAgain: string;
}

/** Field → i18n key of the message under it. */
export type SetupErrors = Partial<Record<'hostUrl' | 'port' | 'windows' | 'pin' | 'pinAgain' | 'adminPassword' | 'adminPasswordAgain', string>>;

export function formFromSetup(setup: AppSetup | null): SetupForm {
  const windows = Object.fromEntries(
    WINDOW_ROLES.map((role) => {
      const saved = setup?.windows.find((w) => w.role === role);
      const choice: WindowChoice = {
        open: setup ? Boolean(saved) : role === 'staff',
        displayId: saved?.displayId ?? 0,
        pairingCode: saved?.deviceToken ?? '',
      };
      return [role, choice];
    }),
  ) as Record<TerminalRole, WindowChoice>;
  return {
    mode: setup?.mode ?? 'host',
    hostUrl: setup?.mode === 'terminal' ? setup.hostUrl : '',
    port: String(setup?.port ?? DEFAULT_PORT),
    listenOnLan: setup?.listenOnLan ?? false,
    windows,
    autoStart: setup ? setup.autoStart === true : true,
    pin: '',
    pinAgain: '',
    adminPassword: '',
    adminPasswordAgain: '',
  };
}

/** Points every window at a display that exists now: the saved one if still attached, else the primary. */
export function onKnownDisplays(form: SetupForm, displays: ReadonlyArray<{ id: number; primary: boolean }>): SetupForm {
  if (displays.length === 0) return form;
  const fallback = (displays.find((d) => d.primary) ?? displays[0])!.id;
  const windows = { ...form.windows };
  for (const role of WINDOW_ROLES) {
    const choice = windows[role];
    if (!displays.some((d) => d.id === choice.displayId)) windows[role] = { ...choice, displayId: fallback };
  }
  return { ...form, windows };
}

export type SetupCheck = { ok: true; setup: AppSetup; pin: string; adminPassword: string | null } | { ok: false; errors: SetupErrors };

/** Whether the form must ask for the first admin password: a host on a PC without a hall database. */
export function needsAdminPassword(form: Pick<SetupForm, 'mode'>, hasDatabase: boolean): boolean {
  return form.mode === 'host' && !hasDatabase;
}

export function checkSetup(form: SetupForm, hasDatabase = true): SetupCheck {
  const errors: SetupErrors = {};
  const port = /^\d{1,5}$/.test(form.port.trim()) ? Number(form.port.trim()) : NaN;
  if (form.mode === 'host' && !(port >= 1 && port <= 65535)) errors.port = 'setup.errors.port';
  const remote = normalizeHostUrl(form.hostUrl);
  if (form.mode === 'terminal' && !remote) errors.hostUrl = 'host.invalidAddress';
  const windows = WINDOW_ROLES.filter((role) => form.windows[role].open).map((role) => {
    const { displayId, pairingCode } = form.windows[role];
    const code = role === 'staff' ? '' : pairingCode.trim();
    return code ? { role, displayId, deviceToken: code } : { role, displayId };
  });
  if (windows.length === 0) errors.windows = 'setup.errors.noWindow';
  if (!/^\d{4,8}$/.test(form.pin)) errors.pin = 'setup.errors.pin';
  else if (form.pin !== form.pinAgain) errors.pinAgain = 'setup.errors.pinMismatch';
  const askAdmin = needsAdminPassword(form, hasDatabase);
  if (askAdmin && (form.adminPassword.length < 8 || form.adminPassword.length > 128)) errors.adminPassword = 'setup.errors.adminPassword';
  else if (askAdmin && form.adminPassword !== form.adminPasswordAgain) errors.adminPasswordAgain = 'setup.errors.adminPasswordMismatch';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const hostMode = form.mode === 'host';
  return {
    ok: true,
    pin: form.pin,
    adminPassword: askAdmin ? form.adminPassword : null,
    setup: {
      mode: form.mode,
      hostUrl: hostMode ? `http://127.0.0.1:${port}` : (remote as string),
      listenOnLan: hostMode && form.listenOnLan,
      port: hostMode ? port : DEFAULT_PORT,
      windows,
      autoStart: form.autoStart,
    },
  };
}
