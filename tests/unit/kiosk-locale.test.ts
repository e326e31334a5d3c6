// Keys the kiosk builds from data (template literals the i18n key scanner cannot see).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KIOSK_PRIORITIES } from '../../renderer/kiosk/kiosk-model';
import { PRIORITY_KINDS } from '../../renderer/shared/queue-contract';

const locales = ['zh-CN', 'en'].map((lng) => [lng, JSON.parse(readFileSync(new URL(`../../resources/locales/${lng}.json`, import.meta.url), 'utf8'))] as const);
const lookup = (tree: unknown, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

describe('kiosk keys built from data', () => {
  it('exist and are not empty in every locale', () => {
    const keys = [...KIOSK_PRIORITIES.map((k) => `kiosk.priorityKinds.${k}`), ...PRIORITY_KINDS.map((k) => `kiosk.priorityTag.${k}`)];
    for (const [lng, tree] of locales) {
      const missing = keys.filter((key) => typeof lookup(tree, key) !== 'string' || lookup(tree, key) === '');
      expect(missing, lng).toEqual([]);
    }
  });
  it('the printing failure names the number, in every locale', () => {
    for (const [, tree] of locales) expect(lookup(tree, 'kiosk.printFailed')).toContain('{{number}}');
  });
});
