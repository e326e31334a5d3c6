// 本次办理事项 on the counter: filled from the intakes done for this ticket; the clerk adds an item by
// name or pinyin (a consultation, a service with no case) or removes one, never types codes.
import { useEffect, useState } from 'react';
import type { ItemSummary } from '../../shared/catalog-contract';
import { useT } from '../../shared/use-t';
import type { IntakeApi } from '../intake/intake-api';
import type { HandledItem } from './handled-items';

interface HandledItemsPanelProps {
  cases: IntakeApi;
  items: readonly HandledItem[];
  onAdd: (item: { code: string; name: string }) => void;
  onRemove: (code: string) => void;
  disabled: boolean;
}

export function HandledItemsPanel({ cases, items, onAdd, onRemove, disabled }: HandledItemsPanelProps) {
  const { t } = useT();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<ItemSummary[]>([]);
  useEffect(() => {
    if (query.trim() === '') {
      setFound([]);
      return;
    }
    const timer = setTimeout(() => cases.searchItems(query).then(setFound, () => setFound([])), 200);
    return () => clearTimeout(timer);
  }, [cases, query]);

  return (
    <div className="counter-handled" data-testid="counter-handled">
      <h2 className="counter-handled-title">{t('counter.handledTitle')}</h2>
      {items.length === 0 ? <p className="muted counter-handled-none">{t('counter.handledNone')}</p> : null}
      <ul className="counter-handled-list">
        {items.map((item) => (
          <li key={item.code} data-code={item.code} data-testid="counter-handled-item">
            <span className="counter-handled-name" title={item.name}>{item.name}</span>
            {item.caseNo ? <span className="muted">{t('counter.handledCase', { caseNo: item.caseNo })}</span> : null}
            <button type="button" className="link" disabled={disabled} aria-label={t('counter.handledRemove', { name: item.name })} onClick={() => onRemove(item.code)}>
              {t('counter.handledRemoveShort')}
            </button>
          </li>
        ))}
      </ul>
      <div className="counter-handled-add">
        <label htmlFor="counter-handled-search" className="visually-hidden">{t('counter.handledAdd')}</label>
        <input
          id="counter-handled-search"
          data-testid="counter-handled-search"
          value={query}
          autoComplete="off"
          disabled={disabled}
          placeholder={t('counter.handledAddHint')}
          onChange={(e) => setQuery(e.target.value)}
        />
        {found.length ? (
          <ul className="counter-handled-found" aria-label={t('counter.handledAdd')}>
            {found.slice(0, 6).map((item) => (
              <li key={item.code}>
                <button
                  type="button"
                  className="secondary"
                  data-testid={`counter-handled-option-${item.code}`}
                  title={item.name}
                  onClick={() => {
                    onAdd({ code: item.code, name: item.name });
                    setQuery('');
                  }}
                >
                  {item.name}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
