// 选择事项: the clerk types Chinese, full pinyin or initials ("hj") and picks the item from the list.
import { useEffect, useState } from 'react';
import type { ItemSummary } from '../../shared/catalog-contract';
import { errorMessage } from '../../shared/api-error';
import { useT } from '../../shared/use-t';
import type { IntakeApi } from './intake-api';

interface ItemPickerProps {
  cases: IntakeApi;
  onPick: (item: ItemSummary) => void;
}

export function ItemPicker({ cases, onPick }: ItemPickerProps) {
  const { t } = useT();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<ItemSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A short pause keeps fast typing from sending a search per key.
  useEffect(() => {
    const timer = setTimeout(() => {
      cases.searchItems(query).then(
        (items) => {
          setFound(items);
          setError(null);
        },
        (failure: unknown) => setError(errorMessage(t, failure)),
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [cases, query, t]);

  return (
    <div className="intake-item-picker">
      <label htmlFor="intake-item-search" className="intake-label">{t('intake.itemSearch')}</label>
      <input
        id="intake-item-search"
        data-testid="intake-item-search"
        value={query}
        autoComplete="off"
        placeholder={t('intake.itemSearchHint')}
        onChange={(e) => setQuery(e.target.value)}
      />
      {error ? <div className="error-box" role="alert"><p>{error}</p></div> : null}
      {found && found.length === 0 ? <p className="muted">{t('intake.noItems')}</p> : null}
      <ul className="intake-item-list" aria-label={t('intake.itemList')}>
        {(found ?? []).slice(0, 30).map((item) => (
          <li key={item.code}>
            <button type="button" className="secondary intake-item-option" data-testid={`intake-item-option-${item.code}`} onClick={() => onPick(item)}>
              <span className="intake-item-name">{item.name}</span>
              <span className="muted">
                {item.code} · {item.department} · {t(`intake.level.${item.handlingLevel}`)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
