// The service item catalogue and its guides (DOMAIN §1): an item's basic elements, its guide and its
// materials, and the import/export file shapes. Shared by the hall service and the renderer; zod only.
import { z } from 'zod';
import { lineText, multilineText } from './text.js';

/** 事项类型 codes of the province's catalogue standard. */
export const ITEM_TYPES = ['01', '05', '07', '08', '09', '10', '20'] as const;
export const ItemType = z.enum(ITEM_TYPES);
export type ItemType = z.infer<typeof ItemType>;

/** 业务办理项 kinds: a 主项 or 子项 has none. */
export const HANDLING_KINDS = ['new', 'change', 'renewal', 'cancellation'] as const;
/** town: the hall decides; county: the hall receives and forwards (转报) to the county. */
export const HANDLING_LEVELS = ['town', 'county'] as const;
export const LIMIT_UNITS = ['working_days', 'days', 'months'] as const;
export const MATERIAL_SOURCES = ['applicant', 'government'] as const;
export const REQUIREMENTS = ['required', 'conditional'] as const;

/** One-line text: no control characters at all (text.ts). */
const line = (max: number) => lineText(max);
/** Text that may run over several lines (conditions, legal basis, answers): tab and line breaks kept. */
const text = (max: number) => multilineText(max);

/** Basic and implementation codes: digits and capitals (lower case is kept free for words like /items/export). */
export const ItemCode = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((s) => /^[0-9A-Z][0-9A-Z-]*$/.test(s), { params: { reason: 'item_code_chars' } });

const Phone = z
  .string()
  .trim()
  .max(40)
  .refine((s) => /^[0-9 ()+\-—、/]*$/.test(s), { params: { reason: 'phone_chars' } });

export const TimeLimit = z.object({
  value: z.number().int().min(0).max(999),
  unit: z.enum(LIMIT_UNITS),
});
export type TimeLimit = z.infer<typeof TimeLimit>;

export const Material = z
  .object({
    name: line(100).pipe(z.string().min(1)),
    requirement: z.enum(REQUIREMENTS),
    /** When a conditional material is needed ("申请人委托他人办理的"). */
    condition: line(200).default(''),
    originals: z.number().int().min(0).max(99),
    copies: z.number().int().min(0).max(99),
    electronic: z.boolean(),
    source: z.enum(MATERIAL_SOURCES),
    notes: text(500).default(''),
  })
  .strict()
  .refine((m) => m.requirement === 'required' || m.condition.length > 0, { path: ['condition'], params: { reason: 'condition_required' } });
export type Material = z.infer<typeof Material>;

export const FaqEntry = z.object({ q: text(300).pipe(z.string().min(1)), a: text(2000).pipe(z.string().min(1)) }).strict();
export const SpecialStep = z
  .object({ name: line(100).pipe(z.string().min(1)), limit: TimeLimit, counted: z.boolean() })
  .strict();
export const Fee = z.object({ charged: z.boolean(), standard: text(500).default(''), basis: text(500).default('') }).strict();

const sameUnitWithin = (legal: TimeLimit | null, promised: TimeLimit) =>
  !legal || legal.unit !== promised.unit || promised.value <= legal.value;

const ItemFields = z
  .object({
    /** 事项编码 (basic code), the key the hall uses. */
    code: ItemCode,
    /** 实施编码 of this hall's implementation; may be empty until the county assigns it. */
    implementationCode: z.union([ItemCode, z.literal('')]).default(''),
    name: line(100).pipe(z.string().min(1)),
    /** Everyday words and common names citizens search by (低保, 户口), when the name lacks them. */
    keywords: z.array(line(30).pipe(z.string().min(1))).max(20).default([]),
    type: ItemType,
    /** The 主项 or 子项 this item belongs to; null for a 主项. */
    parentCode: ItemCode.nullable().default(null),
    handlingKind: z.enum(HANDLING_KINDS).nullable().default(null),
    department: line(100).pipe(z.string().min(1)),
    implementingBody: line(100).pipe(z.string().min(1)),
    legalBasis: text(4000).default(''),
    conditions: text(4000).default(''),
    /** 法定办结时限; null where the law sets none (many 公共服务 items). */
    legalLimit: TimeLimit.nullable().default(null),
    promisedLimit: TimeLimit,
    steps: z.array(line(200).pipe(z.string().min(1))).max(30).default([]),
    fee: Fee.default({ charged: false, standard: '', basis: '' }),
    online: z.boolean().default(false),
    /** 到现场次数; 0 is 不见面审批. */
    visits: z.number().int().min(0).max(9),
    place: line(200).default(''),
    hours: line(200).default(''),
    window: line(100).default(''),
    consultPhone: Phone.default(''),
    complaintPhone: Phone.default(''),
    faq: z.array(FaqEntry).max(30).default([]),
    specialSteps: z.array(SpecialStep).max(10).default([]),
    handlingLevel: z.enum(HANDLING_LEVELS),
    materials: z.array(Material).max(50).default([]),
    active: z.boolean().default(true),
    /** Example data shipped with the product, to be replaced by the county's list. */
    example: z.boolean().default(false),
  })
  .strict();

export const Item = ItemFields.refine((i) => sameUnitWithin(i.legalLimit, i.promisedLimit), {
  path: ['promisedLimit'],
  params: { reason: 'promised_over_legal' },
}).refine((i) => i.parentCode !== i.code, { path: ['parentCode'], params: { reason: 'self_parent' } });
export type Item = z.infer<typeof Item>;
/** What a form or file may leave out (the defaults fill it). */
export type ItemInput = z.input<typeof Item>;

export const CreateItemRequest = Item;
/** PUT replaces the whole item; the code in the path wins, so the body may leave it out. */
export const UpdateItemRequest = ItemFields.omit({ code: true });
export type UpdateItemRequest = z.infer<typeof UpdateItemRequest>;

/** A row of the list: what the admin grid and the kiosk's browse screen show. */
export const ItemSummary = z.object({
  code: z.string(),
  name: z.string(),
  type: ItemType,
  parentCode: z.string().nullable(),
  handlingKind: z.enum(HANDLING_KINDS).nullable(),
  department: z.string(),
  handlingLevel: z.enum(HANDLING_LEVELS),
  promisedLimit: TimeLimit,
  online: z.boolean(),
  visits: z.number().int(),
  active: z.boolean(),
  example: z.boolean(),
});
export type ItemSummary = z.infer<typeof ItemSummary>;

const flag = z.enum(['true', 'false']).transform((s) => s === 'true');
export const ItemListQuery = z.object({
  /** Chinese text, full pinyin ("huji") or initials ("hj"). */
  q: line(50).optional(),
  type: ItemType.optional(),
  department: line(100).optional(),
  active: flag.optional(),
  /** A queue category's code: only its items (catalog/category-items.ts), its own item first. */
  category: z.string().trim().max(8).refine((s) => /^[A-Z][A-Z0-9]*$/.test(s), { params: { reason: 'category_code_chars' } }).optional(),
});
export type ItemListQuery = z.input<typeof ItemListQuery>;

export const ItemCodeParam = z.object({ code: z.string().min(1).max(64) });

/** The JSON file: exported by the hall, or the county's list in the same shape. */
export const CATALOG_FILE_FORMAT = 'hall-catalog';
export const CatalogFile = z.object({
  format: z.literal(CATALOG_FILE_FORMAT).optional(),
  version: z.literal(1).optional(),
  note: text(2000).optional(),
  items: z.array(z.unknown()).max(5000),
});
export type CatalogFile = z.infer<typeof CatalogFile>;

/** The xlsx import travels inside JSON; 1.5 MB of base64 stays under the host's 2 MB body limit. */
export const XlsxUpload = z.object({ format: z.literal('xlsx'), data: z.string().min(1).max(1_500_000) }).strict();
// By `format`, so a broken upload is named by its field (data, items), not as "matches neither".
export const ImportRequest = z.discriminatedUnion('format', [XlsxUpload, CatalogFile]);
export type ImportRequest = z.infer<typeof ImportRequest>;

export const ImportResult = z.object({ created: z.number().int(), updated: z.number().int(), total: z.number().int() });
export type ImportResult = z.infer<typeof ImportResult>;

export const ExportQuery = z.object({ format: z.enum(['json', 'xlsx']).default('json') });
