// 办事指南 at the kiosk: search by Chinese text or pinyin initials, or browse by type or department.
import './guide.css';
import { useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../shared/api-client';
import { catalogApi } from '../shared/catalog-api';
import type { ItemSummary } from '../shared/catalog-contract';
import { useT } from '../shared/use-t';
import { groupsOf, inGroup, limitText, visitsText, type BrowseBy } from './guide-model';
import { GuideKeyboard } from './guide-keyboard';
import { InnerNav } from './inner-nav';

interface Props {
  api: ApiClient;
  onItem: (code: string) => void;
  onBack: () => void;
}

export function GuideBrowseScreen({ api, onItem, onBack }: Props) {
  const { t } = useT();
  const [query, setQuery] = useState('');
  const [by, setBy] = useState<BrowseBy>('type');
  const [group, setGroup] = useState<string | null>(null);
  const [all, setAll] = useState<ItemSummary[] | null>(null);
  const [found, setFound] = useState<ItemSummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  const catalog = useMemo(() => catalogApi(api), [api]);

  useEffect(() => {
    catalog.list().then(setAll, () => setFailed(true));
  }, [catalog]);
  // The host matches Chinese, full pinyin and initials; a short pause keeps typing from flooding it.
  useEffect(() => {
    if (!query.trim()) return setFound(null);
    const timer = setTimeout(() => catalog.list({ q: query }).then(setFound, () => setFailed(true)), 200);
    return () => clearTimeout(timer);
  }, [catalog, query]);

  const items = found ?? (all ?? []).filter((i) => inGroup(i, by, group));
  const groups = all ? groupsOf(all, by) : [];
  const groupLabel = (g: string) => (by === 'type' ? t(`catalog.types.${g}`) : g);

  return (
    <section className="kiosk-inner guide" data-testid="guide-browse">
      <InnerNav title={t('guide.title')} onBack={onBack} />
      <div className="guide-search">
        <input
          className="guide-search-input"
          data-testid="guide-search"
          value={query}
          placeholder={t('guide.searchPlaceholder')}
          aria-label={t('guide.searchPlaceholder')}
          onChange={(e) => setQuery(e.target.value)}
        />
        <GuideKeyboard onKey={(k) => setQuery((q) => q + k)} onBackspace={() => setQuery((q) => q.slice(0, -1))} onClear={() => setQuery('')} />
      </div>
      {query.trim() ? null : (
        <div className="guide-filters">
          <div className="guide-tabs" role="tablist">
            {(['type', 'department'] as const).map((b) => (
              <button key={b} type="button" role="tab" aria-selected={by === b} className={by === b ? 'guide-tab on' : 'guide-tab secondary'} onClick={() => { setBy(b); setGroup(null); }}>
                {t(b === 'type' ? 'guide.byType' : 'guide.byDepartment')}
              </button>
            ))}
          </div>
          <div className="guide-chips">
            <button type="button" className={group === null ? 'guide-chip on' : 'guide-chip secondary'} onClick={() => setGroup(null)}>
              {t('guide.all')}
            </button>
            {groups.map((g) => (
              <button key={g} type="button" className={group === g ? 'guide-chip on' : 'guide-chip secondary'} onClick={() => setGroup(g)}>
                {groupLabel(g)}
              </button>
            ))}
          </div>
        </div>
      )}
      {failed ? <div className="kiosk-alert" role="alert">{t('guide.loadFailed')}</div> : null}
      {all && items.length === 0 ? <p className="kiosk-message" data-testid="guide-none">{t('guide.noMatch')}</p> : null}
      <ul className="guide-list" data-testid="guide-list">
        {items.map((item) => (
          <li key={item.code}>
            <button type="button" className="guide-item-button" onClick={() => onItem(item.code)}>
              <span className="guide-item-name">{item.name}</span>
              <span className="guide-item-meta">
                {item.department} · {t('guide.promised')} {limitText(t, item.promisedLimit)} · {visitsText(t, item.visits)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
