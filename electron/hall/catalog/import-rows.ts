// Checks every row of an import file against the contract before anything is written: a file with
// one broken row is refused whole, and each problem names its row and field (DOMAIN §1).
import type { z } from 'zod';
import type { FieldIssue } from '../../contract/api.js';
import { Item } from '../../contract/catalog.js';
import { fieldIssues } from '../../contract/field-issues.js';

export interface RawRow {
  /** The row number the person who made the file sees: the sheet row in xlsx, the item's place (from 1) in JSON. */
  row: number;
  value: unknown;
  /** Problems found while reading the cells (a JSON cell that does not parse). */
  issues?: FieldIssue[];
}

export type RowIssue = FieldIssue & { row: number };

export type CheckedRows = { ok: true; items: Item[] } | { ok: false; issues: RowIssue[] };

/** At most this many problems are reported: enough to fix a file, not a wall of text. */
export const MAX_REPORTED = 50;

export function checkRows(rows: readonly RawRow[]): CheckedRows {
  const issues: RowIssue[] = [];
  const items: Item[] = [];
  const firstRowOf = new Map<string, number>();
  for (const raw of rows) {
    const found: FieldIssue[] = [...(raw.issues ?? [])];
    const parsed = Item.safeParse(raw.value);
    if (!parsed.success) found.push(...fieldIssues(parsed.error as z.ZodError, raw.value));
    else {
      const earlier = firstRowOf.get(parsed.data.code);
      if (earlier !== undefined) found.push({ field: 'code', code: 'duplicate_row', params: { row: earlier } });
      else firstRowOf.set(parsed.data.code, raw.row);
      items.push(parsed.data);
    }
    issues.push(...found.map((issue) => ({ row: raw.row, ...issue })));
  }
  if (issues.length) return { ok: false, issues: issues.slice(0, MAX_REPORTED) };
  // Parents may come later in the same file; those not in it are checked against the database.
  return { ok: true, items };
}

/** JSON file rows: item n is row n. */
export function jsonRows(items: readonly unknown[]): RawRow[] {
  return items.map((value, i) => ({ row: i + 1, value }));
}
