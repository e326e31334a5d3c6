// Host-side messages in the caller's language, from the same locale files the renderer uses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { resourcesDir } from '../paths.js';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

let translators: Map<Language, TFunction> | null = null;

function load(): Map<Language, TFunction> {
  const map = new Map<Language, TFunction>();
  for (const lng of LANGUAGES) {
    const file = path.join(resourcesDir(), 'locales', `${lng}.json`);
    const instance = i18next.createInstance();
    void instance.init({
      lng,
      initAsync: false,
      resources: { [lng]: { translation: JSON.parse(readFileSync(file, 'utf8')) } },
      interpolation: { escapeValue: false },
    });
    map.set(lng, instance.t.bind(instance));
  }
  return map;
}

export function translator(lng: Language): TFunction {
  translators ??= load();
  return translators.get(lng)!;
}

/** zh-CN unless the caller's Accept-Language prefers English. */
export function pickLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
