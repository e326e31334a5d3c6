// The materials check-list (DOMAIN §1, §2): what the item asks for against what was handed in.
import type { Material } from '../../contract/catalog.js';
import type { MissingMaterial, ProvidedMaterial } from '../../contract/cases.js';
import type { FieldIssue } from '../../contract/api.js';

export interface CheckListRow {
  name: string;
  requirement: Material['requirement'];
  condition: string;
  applicable: boolean;
  needOriginals: number;
  needCopies: number;
  electronicOk: boolean;
  originals: number;
  copies: number;
  electronic: number;
}

/** Names the clerk sent that the item does not list: 400, nothing stored. */
export function unknownMaterialIssues(item: readonly Material[], provided: readonly ProvidedMaterial[], field: string): FieldIssue[] {
  const names = new Set(item.map((m) => m.name));
  const seen = new Set<string>();
  return provided.flatMap((p, i): FieldIssue[] => {
    if (!names.has(p.name)) return [{ field: `${field}.${i}.name`, code: 'unknown_material', params: { name: p.name } }];
    if (seen.has(p.name)) return [{ field: `${field}.${i}.name`, code: 'duplicate' }];
    seen.add(p.name);
    return [];
  });
}

/** One row per material of the item, in the item's order. A required one always applies. */
export function checkList(item: readonly Material[], provided: readonly ProvidedMaterial[]): CheckListRow[] {
  const byName = new Map(provided.map((p) => [p.name, p]));
  return item.map((m) => {
    const p = byName.get(m.name);
    return {
      name: m.name,
      requirement: m.requirement,
      condition: m.condition,
      applicable: m.requirement === 'required' || p?.applicable === true,
      needOriginals: m.originals,
      needCopies: m.copies,
      electronicOk: m.electronic,
      originals: p?.originals ?? 0,
      copies: p?.copies ?? 0,
      electronic: p?.electronic ?? 0,
    };
  });
}

/**
 * Every applicable material not handed in as the guide asks. An electronic copy stands in for the
 * paper copies where the item accepts electronic materials (电子证照); never for an original.
 */
export function missingMaterials(rows: readonly CheckListRow[]): MissingMaterial[] {
  return rows.flatMap((r): MissingMaterial[] => {
    if (!r.applicable) return [];
    const need = { originals: r.needOriginals, copies: r.needCopies };
    const nothing = r.originals === 0 && r.copies === 0 && r.electronic === 0;
    if (nothing && (r.needOriginals > 0 || r.needCopies > 0 || r.electronicOk)) return [{ name: r.name, reason: 'not_provided', need }];
    if (r.originals < r.needOriginals) return [{ name: r.name, reason: 'originals_short', need }];
    const electronicCovers = r.electronicOk && r.electronic > 0;
    if (r.copies < r.needCopies && !electronicCovers) return [{ name: r.name, reason: 'copies_short', need }];
    return [];
  });
}
