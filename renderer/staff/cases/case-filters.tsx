// The list's filters; each change becomes a new hash (and so a new page 1 from the host).
import { useState, type FormEvent } from 'react';
import { useT } from '../../shared/use-t';
import { CASE_CHANNELS, CASE_STATUSES } from './cases-contract';
import type { CaseFilters } from './case-query';

export interface FilterOption {
  value: string;
  label: string;
}

interface CaseFiltersProps {
  filters: CaseFilters;
  items: FilterOption[];
  clerks: FilterOption[];
  onChange: (filters: CaseFilters) => void;
}

export function CaseFiltersBar({ filters, items, clerks, onChange }: CaseFiltersProps) {
  const { t } = useT();
  const [q, setQ] = useState(filters.q ?? '');
  const set = (patch: Partial<CaseFilters>) => onChange({ ...filters, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    set({ q: q.trim() || undefined });
  };
  return (
    <form className="case-filters panel" onSubmit={submit} aria-label={t('caseList.filtersLabel')} data-testid="case-filters">
      <label>
        {t('caseList.filter.status')}
        <select value={filters.status ?? ''} onChange={(e) => set({ status: (e.target.value || undefined) as CaseFilters['status'] })}>
          <option value="">{t('caseList.filter.all')}</option>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>{t(`cases.status.${s}`)}</option>
          ))}
        </select>
      </label>
      <label>
        {t('caseList.filter.warning')}
        <select value={filters.warning ?? ''} onChange={(e) => set({ warning: (e.target.value || undefined) as CaseFilters['warning'] })}>
          <option value="">{t('caseList.filter.all')}</option>
          <option value="yellow">{t('caseList.filter.yellow')}</option>
          <option value="red">{t('caseList.filter.red')}</option>
        </select>
      </label>
      <label>
        {t('caseList.filter.item')}
        <select value={filters.item ?? ''} onChange={(e) => set({ item: e.target.value || undefined })}>
          <option value="">{t('caseList.filter.all')}</option>
          {items.map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </select>
      </label>
      <label>
        {t('caseList.filter.channel')}
        <select value={filters.channel ?? ''} onChange={(e) => set({ channel: (e.target.value || undefined) as CaseFilters['channel'] })}>
          <option value="">{t('caseList.filter.all')}</option>
          {CASE_CHANNELS.map((c) => (
            <option key={c} value={c}>{t(`caseList.channel.${c}`)}</option>
          ))}
        </select>
      </label>
      {clerks.length > 0 ? (
        <label>
          {t('caseList.filter.clerk')}
          <select value={filters.clerk ? String(filters.clerk) : ''} onChange={(e) => set({ clerk: e.target.value ? Number(e.target.value) : undefined })}>
            <option value="">{t('caseList.filter.all')}</option>
            {clerks.map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="case-filter-q">
        {t('caseList.filter.applicant')}
        <span className="case-filter-q-row">
          <input type="search" value={q} maxLength={50} placeholder={t('caseList.filter.applicantHint')} onChange={(e) => setQ(e.target.value)} />
          <button type="submit">{t('caseList.filter.search')}</button>
        </span>
      </label>
      <button type="button" className="secondary" onClick={() => { setQ(''); onChange({}); }}>
        {t('caseList.filter.clear')}
      </button>
    </form>
  );
}
