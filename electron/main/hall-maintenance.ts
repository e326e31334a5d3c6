// What the set-up window may do to the hall's data on this PC (ipc-setup.ts HallMaintenance): say
// whether a database exists, reset the admin password through the hall CLI, and export or import
// the database key as a recovery key.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, safeStorage, utilityProcess } from 'electron';
import type { SetupResult } from '../contract/desktop.js';
import { hallDataDir, hallEntry } from './app-paths.js';
import { exportRecoveryKey, hasSealedKey, importRecoveryKey, keychainUsable } from './db-key-store.js';
import { hallEnvironment } from './hall-host.js';
import { HALL_SERVICE_NAME } from './hall-process.js';
import { SETUP_ERRORS, type HallMaintenance } from './ipc-setup.js';
import type { DesktopTexts } from './messages.js';

/** The hall CLI's exit code when the database is held by a running hall (electron/hall/cli.ts EXIT.databaseInUse). */
export const EXIT_DATABASE_IN_USE = 6;
const RESET_TIMEOUT_MS = 60_000;

/** The CLI arguments of an admin reset: the password travels once, to a process that exits at once. */
export function resetAdminArgs(dataDir: string, password: string): string[] {
  return ['--reset-admin-password', '--data', dataDir, '--admin-password', password];
}

/** A reset's exit code as the set-up page's answer. */
export function resetOutcome(code: number | null): SetupResult {
  if (code === 0) return { ok: true };
  if (code === EXIT_DATABASE_IN_USE) return { ok: false, error: SETUP_ERRORS.hallRunning };
  return { ok: false, error: SETUP_ERRORS.resetFailed };
}

/**
 * `pauseHall` runs its work with the hall service stopped (and starts it again afterwards): the CLI
 * reset takes the database for itself, and the running service would keep the old sessions.
 */
/** Runs the hall CLI's --reset-admin-password in a utilityProcess and waits for it. */
async function runAdminReset(texts: DesktopTexts, password: string): Promise<SetupResult> {
  let env: NodeJS.ProcessEnv;
  try {
    env = hallEnvironment(texts);
  } catch (error) {
    console.error(`resetAdminPassword: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, error: SETUP_ERRORS.resetFailed };
  }
  const child = utilityProcess.fork(hallEntry(), resetAdminArgs(hallDataDir(), password), { stdio: 'ignore', env, serviceName: HALL_SERVICE_NAME });
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill();
      resolve(null);
    }, RESET_TIMEOUT_MS);
    child.once('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  return resetOutcome(code);
}

export function hallMaintenance(texts: DesktopTexts, pauseHall: <T>(work: () => Promise<T>) => Promise<T>): HallMaintenance {
  const userDataDir = (): string => app.getPath('userData');
  return {
    status() {
      return {
        hasDatabase: existsSync(path.join(hallDataDir(), 'hall.db')),
        keySealed: hasSealedKey(userDataDir()),
        keychainUsable: keychainUsable(safeStorage, process.platform),
      };
    },

    resetAdminPassword(password) {
      return pauseHall(() => runAdminReset(texts, password));
    },
    recoveryKey() {
      return exportRecoveryKey({ safeStorage, userDataDir: userDataDir() });
    },

    importRecoveryKey(recoveryKey) {
      const outcome = importRecoveryKey({ safeStorage, userDataDir: userDataDir(), hallDataDir: hallDataDir() }, recoveryKey);
      if (outcome === 'sealed') return { ok: true };
      const errors = { invalid: SETUP_ERRORS.recoveryKeyInvalid, 'key-exists': SETUP_ERRORS.keyExists, 'no-keychain': SETUP_ERRORS.noKeychain } as const;
      return { ok: false, error: errors[outcome] };
    },
  };
}
