// A new database gets the catalogue shipped in resources/catalog (DESIGN §5), once: as soon as the
// hall has any item the file is never read again, so the admin's edits and imports are never undone.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../db/connection.js';
import type { Clock } from '../clock.js';
import { SYSTEM_ACTOR } from '../http/principal.js';
import { resourcesDir } from '../paths.js';
import { jsonRows } from './import-rows.js';
import { importRows } from './import-service.js';
import { itemCount } from './item-service.js';

export function shippedCatalogFile(): string {
  return path.join(resourcesDir(), 'catalog', 'demo-items.json');
}

/** Loads the shipped catalogue into an empty catalogue; returns how many items were loaded. */
export function loadCatalogIfEmpty(db: Db, clock: Clock, file = shippedCatalogFile()): number {
  if (itemCount(db) > 0) return 0;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { items?: unknown[] };
  return importRows(db, clock, SYSTEM_ACTOR, jsonRows(parsed.items ?? [])).total;
}
