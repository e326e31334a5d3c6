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

/**
 * The hall service's entry. Packaged, from app.asar.unpacked (electron-builder.yml asarUnpack):
 * its report and spreadsheet workers are ES-module worker threads, which cannot load from the
 * archive, and they are found next to the module that starts them.
 */
export function hallEntry(): string {
  const root = app.isPackaged ? unpackedPath(appRoot()) : appRoot();
  return path.join(root, 'dist', 'electron', 'hall', 'cli.js');
}

/** …/resources/app.asar → …/resources/app.asar.unpacked; any other path as it is. */
export function unpackedPath(asarRoot: string): string {
  return asarRoot.endsWith('.asar') ? `${asarRoot}.unpacked` : asarRoot;
}

export function iconPath(): string {
  return path.join(resourcesDir(), 'icons', 'icon.png');
}

export function trayIconPath(): string {
  return path.join(resourcesDir(), 'icons', 'tray.png');
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
