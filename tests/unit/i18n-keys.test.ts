// Every locale has the same keys, and every key the renderer uses exists in every locale.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEVICE_KINDS, ErrorCode, ROLES } from '../../electron/contract/api.js';
import { SCREENS } from '../../renderer/staff/routes';
import { WINDOW_ROLES } from '../../renderer/setup/setup-model';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const LOCALES = ['zh-CN', 'en'] as const;

type Tree = { [key: string]: string | Tree };

function flatKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : flatKeys(value, `${prefix}${key}.`),
  );
}

function loadLocale(lng: string): Set<string> {
  return new Set(flatKeys(JSON.parse(readFileSync(join(repo, 'resources/locales', `${lng}.json`), 'utf8')) as Tree));
}

/** Keys a source file uses literally: t('a.b'), t("a.b"), i18nKey="a.b". */
export function keysUsedIn(source: string): string[] {
  const keys: string[] = [];
  for (const match of source.matchAll(/\bt\(\s*(['"])([^'"\n]+)\1/g)) keys.push(match[2] as string);
  for (const match of source.matchAll(/\bi18nKey=(?:\{\s*)?(['"])([^'"\n]+)\1/g)) keys.push(match[2] as string);
  return keys;
}

/** Key-shaped string literals ('pairing.badCode') whose first part is a locale section: keys kept in data. */
export function keyLiteralsIn(source: string, sections: ReadonlySet<string>): string[] {
  const keys: string[] = [];
  for (const match of source.matchAll(/(['"])([A-Za-z]+(?:\.[A-Za-z0-9_-]+)+)\1/g)) {
    const key = match[2] as string;
    if (sections.has(key.split('.')[0] as string)) keys.push(key);
  }
  return keys;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') && name !== 'vite.config.ts' ? [path] : [];
  });
}

/** "used key → where" for keys missing from `keys`. */
function missing(used: Map<string, string>, keys: Set<string>): string[] {
  return [...used].filter(([key]) => !keys.has(key)).map(([key, where]) => `${key} (${where})`);
}

const locales = Object.fromEntries(LOCALES.map((lng) => [lng, loadLocale(lng)])) as Record<(typeof LOCALES)[number], Set<string>>;
const zh = locales['zh-CN'];
const sections = new Set([...zh].map((key) => key.split('.')[0] as string));

describe('the key scanner', () => {
  it('finds t() and i18nKey keys and ignores look-alikes', () => {
    const sample = `t('login.title'); t("a.b", { x: 1 }); <Trans i18nKey="c.d" />; split('.'); format(x); at('no.key')`;
    expect(keysUsedIn(sample)).toEqual(['login.title', 'a.b', 'c.d']);
  });
  it('reports a key that no locale has', () => {
    const used = new Map(keysUsedIn(`t('nav.home'); t('nav.noSuchScreen')`).map((key) => [key, 'sample'] as const));
    expect(missing(used, zh)).toEqual(['nav.noSuchScreen (sample)']);
  });
  it('finds key-shaped literals only in known sections', () => {
    expect(keyLiteralsIn(`x = 'pairing.badCode'; y = 'hall.session'; z = './a.css'`, sections)).toEqual(['pairing.badCode']);
  });
});

describe('locale files', () => {
  it('zh-CN and en have exactly the same keys', () => {
    const en = locales.en;
    expect({ missingInEn: [...zh].filter((k) => !en.has(k)), missingInZh: [...en].filter((k) => !zh.has(k)) }).toEqual({ missingInEn: [], missingInZh: [] });
  });

  it('no value is empty', () => {
    for (const lng of LOCALES) {
      const tree = JSON.parse(readFileSync(join(repo, 'resources/locales', `${lng}.json`), 'utf8')) as Tree;
      const empty = flatKeys(tree).filter((key) => key.split('.').reduce<Tree | string>((node, part) => (node as Tree)[part] as Tree | string, tree) === '');
      expect(empty, lng).toEqual([]);
    }
  });

  it('has every key the renderer uses literally', () => {
    const used = new Map<string, string>();
    for (const file of sourceFiles(join(repo, 'renderer'))) {
      const source = readFileSync(file, 'utf8');
      const where = relative(repo, file);
      for (const key of [...keysUsedIn(source), ...keyLiteralsIn(source, sections)]) if (!used.has(key)) used.set(key, where);
    }
    expect(used.size).toBeGreaterThan(100);
    for (const lng of LOCALES) expect(missing(used, locales[lng]), lng).toEqual([]);
  });

  it('has every key the renderer builds from data (roles, device kinds, error codes, screens)', () => {
    const built = [
      ...ROLES.flatMap((role) => [`roles.${role}`, `roleDuties.${role}`]),
      ...DEVICE_KINDS.map((kind) => `deviceKinds.${kind}`),
      ...['active', 'revoked', 'expired'].map((state) => `deviceStates.${state}`),
      ...ErrorCode.options.map((code) => `errors.${code}`),
      ...SCREENS.flatMap((screen) => (screen.id === 'home' ? [screen.labelKey] : [screen.labelKey, `screenHelp.${screen.id}`])),
      ...WINDOW_ROLES.map((role) => `setup.window.${role}`),
      ...['host', 'terminal'].flatMap((mode) => [`setup.mode.${mode}`, `setup.modeHelp.${mode}`]),
    ];
    const used = new Map(built.map((key) => [key, 'built from data'] as const));
    for (const lng of LOCALES) expect(missing(used, locales[lng]), lng).toEqual([]);
  });
});
