// 办件列表: every case of the hall, filtered, sorted and paged by the host (50 a page).
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../shared/api-error';
import { catalogApi } from '../../shared/catalog-api';
import { formatDateTime } from '../../shared/format';

/** "2026/11/27 09:05" → the date part: the list column only needs the day. */
const formatDay = (iso: string | null, language: string) => formatDateTime(iso, language).split(' ')[0] ?? '';
import { useT } from '../../shared/use-t';
import { HallGrid, type GridSort } from '../admin/hall-grid';
import { useStaff } from '../staff-context';
import { useHash } from '../use-hash-route';
import { casesApi } from './cases-api';
import { statusesAwaiting, type CaseSummary } from './cases-contract';
import { CaseFiltersBar, type FilterOption } from './case-filters';
import { gridSortOf, hashForState, hashSearch, PAGE_SIZE, pageCount, sortFromGrid, stateFromSearch, withFilters, withView, type CaseListState } from './case-query';
import { LimitBadge } from './limit-badge';
import { useAwaitingCount, useCaseList } from './use-case-list';
import './cases.css';

const go = (state: CaseListState) => {
  window.location.hash = hashForState(state);
};

export default function CaseListScreen() {
  const { t, language } = useT();
  const { api, session } = useStaff();
  const { user } = session;
  const cases = useMemo(() => casesApi(api), [api]);
  const hash = useHash();
  const state = useMemo(() => stateFromSearch(hashSearch(hash)), [hash]);
  const { list, error, loading } = useCaseList(cases, state);
  // 待我办理 only for the roles with steps of their own (window and back office).
  const hasOwnSteps = statusesAwaiting(user.role).length > 0;
  const awaiting = useAwaitingCount(cases, hasOwnSteps);
  const [items, setItems] = useState<FilterOption[]>([]);
  const [people, setPeople] = useState<Map<number, string>>(new Map([[user.id, user.displayName]]));

  useEffect(() => {
    catalogApi(api).list().then((rows) => setItems(rows.map((i) => ({ value: i.code, label: i.name }))), () => setItems([]));
    // Only an administrator may list staff accounts; other roles see their own name and a number.
    if (user.role === 'admin') {
      api.listUsers().then((result) => setPeople(new Map(result.rows.map((u) => [u.id, u.displayName]))), () => undefined);
    }
  }, [api, user.role]);

  const clerks = useMemo<FilterOption[]>(() => {
    if (user.role === 'clerk') return [{ value: String(user.id), label: t('caseList.filter.mine') }];
    if (user.role === 'admin') return [...people].map(([id, name]) => ({ value: String(id), label: name }));
    return [];
  }, [people, user, t]);


  const columns = useMemo<ColDef<CaseSummary>[]>(
    () => [
      {
        colId: 'caseNo', field: 'caseNo', headerName: t('caseList.col.caseNo'), sortable: true, minWidth: 225,
        cellRenderer: (p: ICellRendererParams<CaseSummary>) => (p.data ? <a href={`#/cases/${p.data.id}`} className="case-no">{p.data.caseNo}</a> : null),
      },
      { field: 'itemName', headerName: t('caseList.col.item'), minWidth: 104 },
      { field: 'applicantName', headerName: t('caseList.col.applicant'), minWidth: 72 },
      { colId: 'status', field: 'status', headerName: t('caseList.col.status'), sortable: true, minWidth: 78, valueFormatter: (p) => (p.value ? t(`cases.status.${String(p.value)}`) : '') },
      { colId: 'due', field: 'dueDate', headerName: t('caseList.col.due'), sortable: true, minWidth: 120, valueFormatter: (p) => (p.value as string | null) ?? '—' },
      {
        colId: 'remaining', headerName: t('caseList.col.remaining'), minWidth: 116,
        cellRenderer: (p: ICellRendererParams<CaseSummary>) => (p.data ? <LimitBadge c={p.data} /> : null),
      },
      // Dates only here (the time is on the case's timeline) so the whole row fits a 1366-wide screen.
      { colId: 'received', field: 'receivedAt', headerName: t('caseList.col.received'), sortable: true, minWidth: 124, valueFormatter: (p) => formatDay(p.value as string, language) },
      { field: 'acceptedAt', headerName: t('caseList.col.accepted'), minWidth: 106, valueFormatter: (p) => formatDay(p.value as string | null, language) || '—' },
      { field: 'channel', headerName: t('caseList.col.channel'), minWidth: 64, valueFormatter: (p) => (p.value ? t(`caseList.channel.${String(p.value)}`) : '') },
      { colId: 'clerk', headerName: t('caseList.col.clerk'), minWidth: 72, valueGetter: (p) => p.data?.clerkName ?? '' },
    ],
    [t, language],
  );

  const gridSort = gridSortOf(state.sort);
  const serverSort = useMemo(
    () => ({
      sort: { colId: gridSort.key, direction: gridSort.direction } satisfies GridSort,
      onSortChange: (next: GridSort | null) => go({ ...state, sort: sortFromGrid(next?.colId, next?.direction), page: 0 }),
    }),
    [gridSort.key, gridSort.direction, state],
  );

  const total = list?.total ?? 0;
  const pages = pageCount(total);
  const first = total === 0 ? 0 : state.page * PAGE_SIZE + 1;
  const last = Math.min(total, (state.page + 1) * PAGE_SIZE);

  return (
    <section className="case-list-screen">
      <div className="screen-title">
        <h1>{t('nav.cases')}</h1>
        <p className="case-list-count" role="status" data-testid="cases-total" data-total={total}>
          {loading && !list ? t('grid.loading') : t('caseList.range', { first, last, total })}
        </p>
      </div>
      {hasOwnSteps ? (
        <nav className="case-views" aria-label={t('caseList.views')} data-testid="case-views">
          <a href={hashForState(withView(state, false))} aria-current={state.filters.mine ? undefined : 'page'}>{t('caseList.viewAll')}</a>
          <a href={hashForState(withView(state, true))} aria-current={state.filters.mine ? 'page' : undefined} data-testid="case-view-mine" data-count={awaiting ?? undefined}>
            {awaiting === null ? t('caseList.viewMine') : t('caseList.viewMineCount', { count: awaiting })}
          </a>
        </nav>
      ) : null}
      <CaseFiltersBar key={hash} filters={state.filters} items={items} clerks={clerks} onChange={(filters) => go(withFilters(state, { ...filters, mine: state.filters.mine }))} />
      {error ? <div className="error-box" role="alert"><p>{errorMessage(t, error)}</p></div> : null}
      <HallGrid
        rows={list ? list.rows : null}
        columns={columns}
        testId="cases-grid"
        label={t('nav.cases')}
        serverSort={serverSort}
        onRowClick={(row) => {
          window.location.hash = `#/cases/${row.id}`;
        }}
      />
      <nav className="case-pager" aria-label={t('caseList.pager')} data-testid="cases-pager">
        <button type="button" className="secondary" disabled={state.page === 0} onClick={() => go({ ...state, page: 0 })}>{t('caseList.firstPage')}</button>
        <button type="button" className="secondary" disabled={state.page === 0} onClick={() => go({ ...state, page: state.page - 1 })}>{t('caseList.previousPage')}</button>
        <span>{t('caseList.pageOf', { page: state.page + 1, pages })}</span>
        <button type="button" className="secondary" disabled={state.page + 1 >= pages} onClick={() => go({ ...state, page: state.page + 1 })}>{t('caseList.nextPage')}</button>
        <button type="button" className="secondary" disabled={state.page + 1 >= pages} onClick={() => go({ ...state, page: pages - 1 })}>{t('caseList.lastPage')}</button>
      </nav>
    </section>
  );
}
