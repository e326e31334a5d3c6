// Pure helpers of the kiosk's 办事指南: the #guide= address, grouping for browsing, time-limit text.
import type { ItemSummary, TimeLimit } from '../shared/catalog-contract';
import type { Translate } from '../shared/translate';

/** "#guide=0700020000" (the slip's QR code) → "0700020000"; anything else → null. */
export function guideCodeFromHash(hash: string): string | null {
  const match = /^#?guide=([^&]+)/.exec(hash);
  if (!match) return null;
  try {
    const code = decodeURIComponent(match[1]!).trim();
    return /^[0-9A-Z][0-9A-Z-]{0,63}$/.test(code) ? code : null;
  } catch {
    return null;
  }
}

export type BrowseBy = 'type' | 'department';

/** The groups to browse by, in first-seen order (the host lists items by type, then code). */
export function groupsOf(items: readonly ItemSummary[], by: BrowseBy): string[] {
  return [...new Set(items.map((i) => (by === 'type' ? i.type : i.department)))];
}

export function inGroup(item: ItemSummary, by: BrowseBy, group: string | null): boolean {
  return group === null || (by === 'type' ? item.type === group : item.department === group);
}

/** "15 个工作日", "即时办结" for 0. */
export function limitText(t: Translate, limit: TimeLimit | null): string {
  if (!limit) return t('catalog.noLegalLimit');
  if (limit.value === 0) return t('catalog.immediate');
  return t(`catalog.units.${limit.unit}`, { count: limit.value });
}

/** "不见面审批" for 0 visits, else "最多跑 N 次". */
export function visitsText(t: Translate, visits: number): string {
  return visits === 0 ? t('catalog.noVisit') : t('catalog.visits', { count: visits });
}
