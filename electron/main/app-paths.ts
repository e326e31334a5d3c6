// Where the app's own files are, in development (the project folder) and packaged (inside
// resources/app.asar, with resources/ copied next to it by electron-builder's extraResources).
import path from 'node:path';
import { app } from 'electron';

/** The project folder under `electron .`; …/resources/app.asar when packaged. */
export function appRoot(): string {
  return app.getAppPath();
}

export function rendererDir(): string {
  return path.join(appRoot(), 'dist', 'renderer');
}

/** Run by a utilityProcess straight from the asar: Electron's fs reads it there. */
export function hallEntry(): string {
  return path.join(appRoot(), 'dist', 'electron', 'hall', 'cli.js');
}

export function preloadPath(): string {
  return path.join(appRoot(), 'dist', 'electron', 'main', 'preload.cjs');
}

/** Locales, catalogue, calendar, sounds, icons: outside the asar when packaged so they can be read by path. */
export function resourcesDir(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(appRoot(), 'resources');
}

export function hallDataDir(): string {
  return path.join(app.getPath('userData'), 'hall-data');
}
