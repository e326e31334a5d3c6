// Host mode: start the hall service for this PC and keep asking the operator what to do while it
// will not start, instead of opening windows that can only show connection errors.
import { app, dialog, safeStorage } from 'electron';
import type { AppSetup } from '../contract/desktop.js';
import { hallDataDir, hallEntry, rendererDir, resourcesDir } from './app-paths.js';
import { loadDatabaseKey, withDatabaseKey } from './db-key-store.js';
import { hallArgs, HallService, HallStartError } from './hall-process.js';
import type { DesktopTexts } from './messages.js';

/** Pages on this PC reach its own service over loopback, whatever address it listens on. */
export function localHostUrl(port: number): string {
  return `http://127.0.0.1:${port}`;
}

export function createHallService(setup: AppSetup, texts: DesktopTexts): HallService {
  // After app ready: safeStorage needs it. Throws (shown by the caller) rather than mint a new key.
  const dbKey = loadDatabaseKey({ safeStorage, userDataDir: app.getPath('userData'), hallDataDir: hallDataDir() });
  return new HallService({
    entry: hallEntry(),
    args: hallArgs(hallDataDir(), setup.port, setup.listenOnLan),
    env: withDatabaseKey(
      {
        ...process.env,
        // The service finds locales, catalogue and pages by these when run from inside the asar.
        HALL_RESOURCES_DIR: resourcesDir(),
        HALL_RENDERER_DIR: rendererDir(),
        NODE_ENV: app.isPackaged ? 'production' : (process.env.NODE_ENV ?? 'development'),
      },
      dbKey,
    ),
    onAdminPassword: (password) =>
      void dialog.showMessageBox({
        type: 'info',
        title: texts('adminPasswordTitle'),
        message: texts('adminPassword', { password }),
        noLink: true,
      }),
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
