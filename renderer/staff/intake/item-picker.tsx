// 选择事项: the clerk types Chinese, full pinyin or initials ("hj") and picks the item from the list.
// For a ticket's intake the list starts on the ticket's category's items; typing searches them all.
import { useEffect, useState } from 'react';
import type { ItemSummary } from '../../shared/catalog-contract';
import { errorMessage } from '../../shared/api-error';
import { useT } from '../../shared/use-t';
import type { IntakeApi } from './intake-api';

interface ItemPickerProps {
  cases: IntakeApi;
  /** The serving ticket's category, whose items are shown before anything is typed. */
  category?: { code: string; name: string } | null;
  onPick: (item: ItemSummary) => void;
}

export function ItemPicker({ cases, category = null, onPick }: ItemPickerProps) {
  const { t } = useT();
  const [query, setQuery] = useState('');
  const [all, setAll] = useState(false);
  const [found, setFound] = useState<{ items: ItemSummary[]; ofCategory: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const categoryCode = category?.code ?? null;
  // A short pause keeps fast typing from sending a search per key.
  useEffect(() => {
    const byCategory = categoryCode !== null && !all && query.trim() === '';
    const timer = setTimeout(() => {
      const search = byCategory ? cases.categoryItems(categoryCode) : cases.searchItems(query);
      search.then(
        async (items) => {
          // A category tied to no item yet: show the whole list rather than nothing.
          const ofCategory = byCategory && items.length > 0;
          setFound({ items: byCategory && !ofCategory ? await cases.searchItems('') : items, ofCategory });
          setError(null);
        },
        (failure: unknown) => setError(errorMessage(t, failure)),
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [cases, query, t, categoryCode, all]);

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
      {category && query.trim() === '' ? (
        <p className="intake-item-scope" data-testid="intake-item-scope" data-scope={found?.ofCategory ? 'category' : 'all'}>
          {found?.ofCategory ? t('intake.itemsOfCategory', { name: category.name }) : t('intake.allItems')}
          {found?.ofCategory || all ? (
            <button type="button" className="link" data-testid="intake-item-scope-toggle" onClick={() => setAll(!all)}>
              {all ? t('intake.showCategoryItems', { name: category.name }) : t('intake.showAllItems')}
            </button>
          ) : null}
        </p>
      ) : null}
      {error ? <div className="error-box" role="alert"><p>{error}</p></div> : null}
      {found && found.items.length === 0 ? <p className="muted">{t('intake.noItems')}</p> : null}
      <ul className="intake-item-list" aria-label={t('intake.itemList')}>
        {(found?.items ?? []).slice(0, 30).map((item) => (
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
