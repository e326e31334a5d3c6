import { useT } from './use-t';
import { changeLanguage, currentLanguage, LANGUAGES, type Language } from './i18n';

// Each language is named in itself (the same text in every locale), so a reader finds theirs.
function languageName(t: (key: string) => string, lng: Language): string {
  return lng === 'en' ? t('lang.en') : t('lang.zhCN');
}

export function LangSwitch() {
  const { t, language } = useT();
  const active = currentLanguage();
  return (
    <div className="lang-switch" role="group" aria-label={t('common.language')} data-testid="lang-switch" data-lang={language}>
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className={lng === active ? 'lang-option active' : 'lang-option'}
          aria-pressed={lng === active}
          onClick={() => void changeLanguage(lng)}
        >
          {languageName(t, lng)}
        </button>
      ))}
    </div>
  );
}
