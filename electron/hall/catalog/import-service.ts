// Import and export of the whole catalogue. An import is all or nothing: every row is checked first,
// then everything is written in one transaction with one audit entry.
import type { Db } from '../../../db/connection.js';
import { CATALOG_FILE_FORMAT, type ImportRequest, type Item, type ImportResult } from '../../contract/catalog.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import { HallError } from '../http/errors.js';
import type { Actor } from '../http/principal.js';
import { checkRows, jsonRows, type RawRow, type RowIssue } from './import-rows.js';
import { checkParent } from './item-service.js';
import { allItemRows, toItem, writeItem } from './item-store.js';
import type { XlsxReader } from './import-xlsx.js';

export interface CatalogFileBody {
  format: typeof CATALOG_FILE_FORMAT;
  version: 1;
  note: string;
  items: Item[];
}

export function exportItems(db: Db): Item[] {
  return allItemRows(db).map((r) => toItem(db, r));
}

export function exportJson(db: Db, note = ''): CatalogFileBody {
  return { format: CATALOG_FILE_FORMAT, version: 1, note, items: exportItems(db) };
}

/** 400 whose details are the row issues; the message names each row and field (see error-handler). */
const rowsRefused = (issues: RowIssue[]): HallError => new HallError('validation', 'import_rows', {}, issues);

/** The body of POST /items/import → its rows: the JSON file itself, or an xlsx as base64 (read by
 *  `xlsx` within the import limits, import-limits.ts). */
export async function rowsOfUpload(body: ImportRequest, xlsx: XlsxReader): Promise<RawRow[]> {
  if (body.format === 'xlsx') {
    const rows = await xlsx.read(Buffer.from(body.data, 'base64'));
    if (!Array.isArray(rows)) throw rowsRefused(rows.headerIssues.map((issue) => ({ row: 1, ...issue })));
    return rows;
  }
  return jsonRows(body.items);
}

export function importRows(db: Db, clock: Clock, actor: Actor, rows: readonly RawRow[]): ImportResult {
  const checked = checkRows(rows);
  if (!checked.ok) throw rowsRefused(checked.issues);
  const inFile = new Set(checked.items.map((i) => i.code));
  return db.transaction(() => {
    const result = { created: 0, updated: 0, total: checked.items.length };
    checked.items.forEach((item, i) => {
      try {
        checkParent(db, item, inFile);
      } catch (err) {
        if (err instanceof HallError) throw rowsRefused([{ row: rows[i]!.row, field: 'parentCode', code: 'unknown_parent', params: { code: item.parentCode ?? '' } }]);
        throw err;
      }
      result[writeItem(db, item, clock.now().toISOString())]++;
    });
    appendAudit(db, actor, clock.now(), { action: 'catalog-import', entity: 'item', entityId: null, detail: result });
    return result;
  }).immediate();
}
