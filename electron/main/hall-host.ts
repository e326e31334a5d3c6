// Host mode: start the hall service for this PC and keep asking the operator what to do while it
// will not start, instead of opening windows that can only show connection errors.
import { app, dialog, safeStorage } from 'electron';
import type { AppSetup } from '../contract/desktop.js';
import { appRoot, hallDataDir, hallEntry, rendererDir, resourcesDir } from './app-paths.js';
import { loadDatabaseKey, withDatabaseKey } from './db-key-store.js';
import { hallArgs, HallService, HallStartError } from './hall-process.js';
import type { DesktopTexts } from './messages.js';
import { checkSqliteBinding, withSqliteBinding } from './native-binding.js';

/** Pages on this PC reach its own service over loopback, whatever address it listens on. */
export function localHostUrl(port: number): string {
  return `http://127.0.0.1:${port}`;
}

export class HallSetupError extends Error {
  override name = 'HallSetupError';
}

/**
 * The environment the hall service (or its CLI, for an admin reset) runs with: where its
 * resources and pages are, the SQLite addon built for this Electron, and the database key.
 * Throws HallSetupError when the addon is missing, with the command that builds it.
 */
export function hallEnvironment(texts: DesktopTexts): NodeJS.ProcessEnv {
  const binding = checkSqliteBinding(
    { packaged: app.isPackaged, appRoot: appRoot(), resourcesPath: process.resourcesPath, platform: process.platform, arch: process.arch },
    process.versions.electron,
  );
  if (!binding.ok) throw new HallSetupError(texts('nativeModuleMissing', { file: binding.file, command: 'npm run native:electron' }));
  // After app ready: safeStorage needs it. Throws (shown by the caller) rather than mint a new key.
  const dbKey = loadDatabaseKey({ safeStorage, userDataDir: app.getPath('userData'), hallDataDir: hallDataDir() });
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    // The service finds locales, catalogue and pages by these when run from the unpacked app.
    HALL_RESOURCES_DIR: resourcesDir(),
    HALL_RENDERER_DIR: rendererDir(),
    NODE_ENV: app.isPackaged ? 'production' : (process.env.NODE_ENV ?? 'development'),
  };
  return withDatabaseKey(withSqliteBinding(base, binding.file), dbKey);
}

/**
 * The service for this set-up. `firstAdminPassword`: typed in the set-up screen for a new hall,
 * passed once so the new database's admin gets it (no password is printed to a console nobody reads).
 */
export function createHallService(setup: AppSetup, texts: DesktopTexts, firstAdminPassword: string | null = null): HallService {
  return new HallService({
    entry: hallEntry(),
    args: hallArgs(hallDataDir(), setup.port, setup.listenOnLan),
    firstStartArgs: firstAdminPassword === null ? [] : ['--admin-password', firstAdminPassword],
    env: hallEnvironment(texts),
    onAdminPassword: () => {
      // Only when the service made one itself (a database removed behind the app's back): the
      // admin sets a new one from the set-up window (重置管理员密码), so nothing is shown here.
    },
  });
}

/**
 * Starts the service; on failure shows why (with its last error output) and offers retry or quit.
 * Resolves with the host URL for local pages, or null when the operator chose to quit.
 */
export async function startHallOrAsk(hall: HallService, texts: DesktopTexts, isQuitting: () => boolean): Promise<string | null> {
  for (;;) {
    try {
      const address = await hall.start();
      return localHostUrl(address.port);
    } catch (error) {
      if (isQuitting()) return null;
      const reason = error instanceof Error ? error.message : String(error);
      const output = error instanceof HallStartError ? error.output : '';
      const { response } = await dialog.showMessageBox({
        type: 'error',
        title: texts('hallStartFailedTitle'),
        message: texts('hallStartFailed', { reason }),
        detail: output,
        buttons: [texts('retry'), texts('quit')],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      });
      if (response !== 0) return null;
    }
  }
}
