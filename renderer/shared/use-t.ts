import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { asTranslate, type Translate } from './translate';

/** useTranslation with t as a plain (key, options) → string function; re-renders on language change. */
export function useT(): { t: Translate; language: string } {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const plain = useMemo(() => asTranslate(t), [t, language]);
  return { t: plain, language };
}
