// The hall's catalogue on the node (DESIGN §9 `GET /village/catalog?since=`): replaced whole when the
// hall's version moved, with the same search key the hall builds, so the agent searches offline.
import type { Db } from '../../../db/connection.js';
import { run, sql } from '../../../db/sql.js';
import { searchKeyOf } from '../../hall/catalog/search-key.js';
import { setCatalogVersion } from './node-state.js';

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** Stores a new catalogue version; items without a code and a name are skipped. Returns how many were kept. */
export function storeCatalog(db: Db, version: number, items: readonly Record<string, unknown>[]): number {
  return db.transaction(() => {
    run(db, sql`DELETE FROM catalog_items`);
    let kept = 0;
    for (const item of items) {
      const code = text(item.code);
      const name = text(item.name);
      if (!code || !name) continue;
      const keywords = Array.isArray(item.keywords) ? item.keywords.filter((k): k is string => typeof k === 'string') : [];
      run(
        db,
        sql`INSERT INTO catalog_items (code, name, search_key, item) VALUES (${code}, ${name}, ${searchKeyOf({ name, code, keywords })}, ${JSON.stringify(item)})
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, search_key = excluded.search_key, item = excluded.item`,
      );
      kept += 1;
    }
    setCatalogVersion(db, version);
    return kept;
  }).immediate();
}
