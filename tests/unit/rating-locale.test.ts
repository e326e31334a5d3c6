// Keys the rating pad builds from data (template literals the i18n key scanner cannot see).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BAD_REASONS, LEVELS } from '../../renderer/rating/rating-flow';
import { RATING_INDICATORS } from '../../renderer/shared/queue-contract';

const locales = ['zh-CN', 'en'].map((lng) => [lng, JSON.parse(readFileSync(new URL(`../../resources/locales/${lng}.json`, import.meta.url), 'utf8'))] as const);
const lookup = (tree: unknown, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

describe('rating keys built from data', () => {
  it('exist and are not empty in every locale', () => {
    const keys = [
      ...LEVELS.map((level) => `rating.levels.l${level}`),
      ...RATING_INDICATORS.map((indicator) => `rating.indicators.${indicator}`),
      ...BAD_REASONS.map((reason) => `rating.reasons.${reason}`),
    ];
    for (const [lng, tree] of locales) {
      const missing = keys.filter((key) => typeof lookup(tree, key) !== 'string' || lookup(tree, key) === '');
      expect(missing, lng).toEqual([]);
    }
  });
  it('uses the national five levels and four on-site indicators in Chinese', () => {
    const zh = locales[0]![1];
    expect(LEVELS.map((level) => lookup(zh, `rating.levels.l${level}`))).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    expect(RATING_INDICATORS.map((i) => lookup(zh, `rating.indicators.${i}`))).toEqual(['整体满意度', '服务效率', '服务水平', '服务态度']);
  });
});
