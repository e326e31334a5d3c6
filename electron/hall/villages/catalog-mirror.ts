// GET /village/catalog?since=N (DESIGN §9): the whole active catalogue with check-lists and keywords
// when it changed after the node's version, else nothing. The version moves with every write to items
// or their materials (triggers of migration 13, in the writer's own transaction).
import type { Db } from '../../../db/connection.js';
import { get, sql } from '../../../db/sql.js';
import type { VillageCatalogReply } from '../../contract/village.js';
import { allItemRows, toItem } from '../catalog/item-store.js';

export function catalogVersion(db: Db): number {
  return get<{ version: number }>(db, sql`SELECT version FROM catalog_version WHERE id = 1`)?.version ?? 0;
}

export function catalogMirror(db: Db, since: number): VillageCatalogReply {
  // One read transaction: the version and the items it names are the same snapshot.
  return db.transaction((): VillageCatalogReply => {
    const version = catalogVersion(db);
    if (since >= version) return { version, items: null };
    const items = allItemRows(db)
      .filter((r) => r.active === 1)
      .map((r) => toItem(db, r) as unknown as Record<string, unknown>);
    return { version, items };
  })();
}
