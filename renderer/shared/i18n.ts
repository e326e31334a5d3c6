// i18next for every page: zh-CN by default, English complete; the choice is kept per browser.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from '../../resources/locales/zh-CN.json';
import en from '../../resources/locales/en.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
export const LANGUAGE_STORAGE_KEY = 'hall.lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/** Starts i18next once per page; `titleKey` names the key for document.title. */
export function setUpI18n(titleKey: string): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
      lng: storedLanguage(),
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: [...LANGUAGES],
      load: 'currentOnly',
      initAsync: false,
      interpolation: { escapeValue: false },
    });
  }
  const apply = (lng: string) => {
    document.documentElement.lang = lng;
    document.title = i18next.t(titleKey);
  };
  apply(i18next.language);
  i18next.on('languageChanged', apply);
  return i18next;
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE;
}

export async function changeLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // Storage may be unavailable (private mode); the change still applies to this page.
  }
  await i18next.changeLanguage(lng);
}
