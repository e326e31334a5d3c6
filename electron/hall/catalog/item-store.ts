// The SQL of the catalogue: an item row and its materials to and from the contract's Item.
import type { Db } from '../../../db/connection.js';
import { all, get, run, sql } from '../../../db/sql.js';
import type { Item, ItemSummary, ItemType, Material, TimeLimit } from '../../contract/catalog.js';
import { searchKeyOf } from './search-key.js';

export interface ItemRow {
  id: number;
  code: string;
  implementation_code: string;
  name: string;
  keywords: string;
  type: ItemType;
  parent_code: string | null;
  handling_kind: Item['handlingKind'];
  department: string;
  implementing_body: string;
  legal_basis: string;
  conditions: string;
  legal_limit_value: number | null;
  legal_limit_unit: TimeLimit['unit'] | null;
  promised_limit_value: number;
  promised_limit_unit: TimeLimit['unit'];
  steps: string;
  fee_charged: number;
  fee_standard: string;
  fee_basis: string;
  online: number;
  visits: number;
  place: string;
  hours: string;
  window: string;
  consult_phone: string;
  complaint_phone: string;
  faq: string;
  special_steps: string;
  handling_level: Item['handlingLevel'];
  active: number;
  example: number;
}

interface MaterialRow {
  name: string;
  requirement: Material['requirement'];
  condition: string;
  originals: number;
  copies: number;
  electronic: number;
  source: Material['source'];
  notes: string;
}

export const toSummary = (r: ItemRow): ItemSummary => ({
  code: r.code,
  name: r.name,
  type: r.type,
  parentCode: r.parent_code,
  handlingKind: r.handling_kind,
  department: r.department,
  handlingLevel: r.handling_level,
  promisedLimit: { value: r.promised_limit_value, unit: r.promised_limit_unit },
  online: r.online === 1,
  visits: r.visits,
  active: r.active === 1,
  example: r.example === 1,
});

function materialsOf(db: Db, itemId: number): Material[] {
  return all<MaterialRow>(db, sql`SELECT * FROM item_materials WHERE item_id = ${itemId} ORDER BY position`).map((m) => ({
    name: m.name,
    requirement: m.requirement,
    condition: m.condition,
    originals: m.originals,
    copies: m.copies,
    electronic: m.electronic === 1,
    source: m.source,
    notes: m.notes,
  }));
}

// Keys in the order of the contract, so an exported file reads like the form.
export function toItem(db: Db, r: ItemRow): Item {
  return {
    code: r.code,
    implementationCode: r.implementation_code,
    name: r.name,
    keywords: JSON.parse(r.keywords) as string[],
    type: r.type,
    parentCode: r.parent_code,
    handlingKind: r.handling_kind,
    department: r.department,
    implementingBody: r.implementing_body,
    legalBasis: r.legal_basis,
    conditions: r.conditions,
    legalLimit: r.legal_limit_value === null || r.legal_limit_unit === null ? null : { value: r.legal_limit_value, unit: r.legal_limit_unit },
    promisedLimit: { value: r.promised_limit_value, unit: r.promised_limit_unit },
    steps: JSON.parse(r.steps) as string[],
    fee: { charged: r.fee_charged === 1, standard: r.fee_standard, basis: r.fee_basis },
    online: r.online === 1,
    visits: r.visits,
    place: r.place,
    hours: r.hours,
    window: r.window,
    consultPhone: r.consult_phone,
    complaintPhone: r.complaint_phone,
    faq: JSON.parse(r.faq) as Item['faq'],
    specialSteps: JSON.parse(r.special_steps) as Item['specialSteps'],
    handlingLevel: r.handling_level,
    materials: materialsOf(db, r.id),
    active: r.active === 1,
    example: r.example === 1,
  };
}

export function itemRow(db: Db, code: string): ItemRow | undefined {
  return get<ItemRow>(db, sql`SELECT * FROM items WHERE code = ${code}`);
}

export function allItemRows(db: Db): ItemRow[] {
  return all<ItemRow>(db, sql`SELECT * FROM items ORDER BY code`);
}

/** Inserts or replaces the item and its materials; the caller holds the transaction. */
export function writeItem(db: Db, item: Item, at: string): 'created' | 'updated' {
  const existing = itemRow(db, item.code);
  const values = sql`
    ${item.implementationCode}, ${item.name}, ${item.type}, ${item.parentCode}, ${item.handlingKind}, ${item.department},
    ${item.implementingBody}, ${item.legalBasis}, ${item.conditions}, ${item.legalLimit?.value ?? null}, ${item.legalLimit?.unit ?? null},
    ${item.promisedLimit.value}, ${item.promisedLimit.unit}, ${JSON.stringify(item.steps)}, ${item.fee.charged}, ${item.fee.standard},
    ${item.fee.basis}, ${item.online}, ${item.visits}, ${item.place}, ${item.hours}, ${item.window}, ${item.consultPhone},
    ${item.complaintPhone}, ${JSON.stringify(item.faq)}, ${JSON.stringify(item.specialSteps)}, ${item.handlingLevel},
    ${item.active}, ${item.example}, ${searchKeyOf(item)}, ${JSON.stringify(item.keywords)}`;
  const columns = sql`implementation_code, name, type, parent_code, handling_kind, department, implementing_body, legal_basis,
    conditions, legal_limit_value, legal_limit_unit, promised_limit_value, promised_limit_unit, steps, fee_charged, fee_standard,
    fee_basis, online, visits, place, hours, window, consult_phone, complaint_phone, faq, special_steps, handling_level, active,
    example, search_key, keywords`;
  let id: number;
  if (existing) {
    id = existing.id;
    run(db, sql`UPDATE items SET (${columns}, updated_at) = (${values}, ${at}) WHERE id = ${id}`);
    run(db, sql`DELETE FROM item_materials WHERE item_id = ${id}`);
  } else {
    id = Number(run(db, sql`INSERT INTO items (code, ${columns}, created_at, updated_at) VALUES (${item.code}, ${values}, ${at}, ${at})`).lastInsertRowid);
  }
  item.materials.forEach((m, position) =>
    run(
      db,
      sql`INSERT INTO item_materials (item_id, position, name, requirement, condition, originals, copies, electronic, source, notes)
          VALUES (${id}, ${position}, ${m.name}, ${m.requirement}, ${m.condition}, ${m.originals}, ${m.copies}, ${m.electronic}, ${m.source}, ${m.notes})`,
    ),
  );
  return existing ? 'updated' : 'created';
}
