// The set-up window's calls (window.hallSetup): the app's set-up, the first admin password of a new
// hall, the admin reset for a hall whose admin is lost, and the database recovery key. Only the
// set-up window reaches them (ipc.ts checks the sender's role); what changes anything asks the admin PIN.
import { screen } from 'electron';
import type { AppSetup, HallStatus, SetupBridge, SetupResult } from '../contract/desktop.js';
import type { HandlerMap } from './ipc.js';
import { pinMatches, type PinCheckDependencies } from './pin-check.js';
import { SETUP_FILE_VERSION, validateAppSetup, type SetupFile } from './setup-file.js';
import { hashPin as defaultHashPin } from './setup-store.js';
import { isValidPin } from './validation.js';

/** Why a set-up call refused; the set-up page shows `desktop.errors.<code>` from the locales. */
export const SETUP_ERRORS = {
  invalid: 'setup_invalid',
  pinInvalid: 'pin_invalid',
  pinWrong: 'pin_wrong',
  rateLimited: 'rate_limited',
  busy: 'busy',
  saveFailed: 'save_failed',
  adminPasswordInvalid: 'admin_password_invalid',
  hallRunning: 'hall_running',
  noDatabase: 'no_database',
  resetFailed: 'reset_failed',
  noSealedKey: 'no_sealed_key',
  recoveryKeyInvalid: 'recovery_key_invalid',
  keyExists: 'key_exists',
  noKeychain: 'no_keychain',
} as const;

/** The hall CLI's rule for --admin-password (electron/hall/config.ts). */
export function isValidHallPassword(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 8 && value.length <= 128;
}

/** What the set-up window may do to the hall's data on this PC (hall-maintenance.ts). */
export interface HallMaintenance {
  status(): HallStatus;
  /** Runs the hall CLI's --reset-admin-password while the service is stopped. */
  resetAdminPassword(password: string): Promise<SetupResult>;
  /** The sealed database key as a grouped recovery key, or null when there is none to export. */
  recoveryKey(): string | null;
  importRecoveryKey(recoveryKey: string): SetupResult;
}

export interface SetupDependencies extends PinCheckDependencies {
  hall: HallMaintenance;
  /**
   * After a save; `firstRun` when there was no set-up before; `hallAdminPassword` for a host
   * without a database, to become user admin's password at its first start. Runs after the reply.
   */
  onSetupSaved(file: SetupFile, firstRun: boolean, hallAdminPassword: string | null): void;
  hashPin?: typeof defaultHashPin;
}

export function setupHandlers(deps: SetupDependencies): HandlerMap<SetupBridge> {
  let saving = false;
  /** The PIN of the saved set-up; on first run there is none yet, so nothing to export or reset. */
  const adminPinRefusal = async (pin: unknown): Promise<{ ok: false; error: string } | null> => {
    if (!isValidPin(pin)) return { ok: false, error: SETUP_ERRORS.pinInvalid };
    if (deps.pinAttempts.isLocked()) return { ok: false, error: SETUP_ERRORS.rateLimited };
    return (await pinMatches(deps, pin)) ? null : { ok: false, error: SETUP_ERRORS.pinWrong };
  };
  return {
    async getAppSetup() {
      const setup = deps.store.current()?.setup;
      return setup === undefined ? null : structuredClone(setup);
    },

    async saveAppSetup(_event, rawSetup, pin, rawPassword) {
      const checked = validateAppSetup(rawSetup);
      if (!checked.ok) {
        console.warn(`saveAppSetup: ${checked.error}`);
        return { ok: false, error: SETUP_ERRORS.invalid };
      }
      if (!isValidPin(pin)) return { ok: false, error: SETUP_ERRORS.pinInvalid };
      const setup: AppSetup = checked.value;
      // A new hall's admin gets the password typed here, never a printed one nobody sees.
      const needsAdmin = setup.mode === 'host' && !deps.hall.status().hasDatabase;
      if (needsAdmin && !isValidHallPassword(rawPassword)) return { ok: false, error: SETUP_ERRORS.adminPasswordInvalid };
      if (saving) return { ok: false, error: SETUP_ERRORS.busy };
      saving = true;
      try {
        const existing = deps.store.current();
        // Changing an existing set-up needs the admin PIN it was saved with; the first does not.
        if (existing !== null) {
          if (deps.pinAttempts.isLocked()) return { ok: false, error: SETUP_ERRORS.rateLimited };
          if (!(await pinMatches(deps, pin))) return { ok: false, error: SETUP_ERRORS.pinWrong };
        }
        const adminPin = existing?.adminPin ?? (await (deps.hashPin ?? defaultHashPin)(pin));
        const file: SetupFile = { version: SETUP_FILE_VERSION, setup, adminPin };
        try {
          await deps.store.save(file);
        } catch (error) {
          console.error(`saveAppSetup: ${error instanceof Error ? error.message : String(error)}`);
          return { ok: false, error: SETUP_ERRORS.saveFailed };
        }
        const password = needsAdmin ? (rawPassword as string) : null;
        // After the reply: the callback may close this very window.
        setImmediate(() => deps.onSetupSaved(file, existing === null, password));
        return { ok: true };
      } finally {
        saving = false;
      }
    },

    async listDisplays() {
      const primaryId = screen.getPrimaryDisplay().id;
      return screen.getAllDisplays().map((display) => ({
        id: display.id,
        label: display.label || `${display.size.width}×${display.size.height}`,
        width: display.size.width,
        height: display.size.height,
        primary: display.id === primaryId,
      }));
    },

    async hallStatus() {
      return deps.hall.status();
    },

    async resetAdminPassword(_event, pin, password) {
      const refused = await adminPinRefusal(pin);
      if (refused !== null) return refused;
      if (!isValidHallPassword(password)) return { ok: false, error: SETUP_ERRORS.adminPasswordInvalid };
      if (!deps.hall.status().hasDatabase) return { ok: false, error: SETUP_ERRORS.noDatabase };
      return deps.hall.resetAdminPassword(password);
    },

    async exportRecoveryKey(_event, pin) {
      const refused = await adminPinRefusal(pin);
      if (refused !== null) return refused;
      const recoveryKey = deps.hall.recoveryKey();
      return recoveryKey === null ? { ok: false, error: SETUP_ERRORS.noSealedKey } : { ok: true, recoveryKey };
    },

    async importRecoveryKey(_event, recoveryKey) {
      // Only before this PC has a set-up: afterwards the admin PIN guards the hall, and a key
      // sealed over the working one would lock the hall out of its own database.
      if (deps.store.current() !== null) return { ok: false, error: SETUP_ERRORS.keyExists };
      if (typeof recoveryKey !== 'string' || recoveryKey.length > 200) return { ok: false, error: SETUP_ERRORS.recoveryKeyInvalid };
      return deps.hall.importRecoveryKey(recoveryKey);
    },
  };
}
