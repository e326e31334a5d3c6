// The editor's working copy of an item: list fields the admin types as lines of text, turned back
// into the contract's shape on save. Special steps are kept as they are (set by import).
import type { Item, ItemInput, Material } from '../../shared/catalog-contract';

export interface ItemDraft extends Omit<Item, 'keywords' | 'steps' | 'faq'> {
  /** Words separated by 、 or commas: "低保、最低生活保障金". */
  keywords: string;
  /** One step per line. */
  steps: string;
  /** One question per line: "问题 | 解答". */
  faq: string;
}

export const emptyMaterial = (): Material => ({
  name: '', requirement: 'required', condition: '', originals: 1, copies: 0, electronic: false, source: 'applicant', notes: '',
});

export function newDraft(): ItemDraft {
  return {
    code: '', implementationCode: '', name: '', keywords: '', type: '20', parentCode: null, handlingKind: null, department: '', implementingBody: '',
    legalBasis: '', conditions: '', legalLimit: null, promisedLimit: { value: 5, unit: 'working_days' }, steps: '',
    fee: { charged: false, standard: '', basis: '' }, online: false, visits: 1, place: '', hours: '', window: '', consultPhone: '',
    complaintPhone: '', faq: '', specialSteps: [], handlingLevel: 'town', materials: [emptyMaterial()], active: true, example: false,
  };
}

export function draftOf(item: Item): ItemDraft {
  return { ...item, keywords: item.keywords.join('、'), steps: item.steps.join('\n'), faq: item.faq.map((f) => `${f.q} | ${f.a}`).join('\n') };
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

export function inputOf(draft: ItemDraft): ItemInput {
  return {
    ...draft,
    keywords: draft.keywords.split(/[、,，;；\s]+/).filter(Boolean),
    steps: lines(draft.steps),
    faq: lines(draft.faq).map((l) => {
      const at = l.indexOf('|');
      return at < 0 ? { q: l, a: '' } : { q: l.slice(0, at).trim(), a: l.slice(at + 1).trim() };
    }),
  };
}

/** Moves row `from` one place up (-1) or down (+1); the list is unchanged at either end. */
export function moveRow<T>(rows: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= rows.length) return [...rows];
  const next = [...rows];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}
