// The list's state lives in the hash (#/cases?status=in_review&sort=-due&page=2) so that going back
// from a case, or following a link from the home screen, shows the same filtered page.
import { CASE_CHANNELS, CASE_SORTS, CASE_STATUSES, type CaseStatus } from './cases-contract';

export const PAGE_SIZE = 50;

export type CaseSort = (typeof CASE_SORTS)[number];
export type SortKey = 'due' | 'received' | 'caseNo' | 'status';

export interface CaseFilters {
  status?: CaseStatus;
  item?: string;
  /** A full ID / credit-code number, or the start of a name (the host never matches fragments). */
  q?: string;
  channel?: (typeof CASE_CHANNELS)[number];
  warning?: 'yellow' | 'red';
  clerk?: number;
  /** 待我办理: the caller's own cases where the caller has a step to take (`mine=1`). */
  mine?: true;
}

export interface CaseListState {
  filters: CaseFilters;
  sort: CaseSort;
  /** 0-based. */
  page: number;
}

export const DEFAULT_SORT: CaseSort = '-received';

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;

function positiveInt(value: string | null): number | undefined {
  if (value === null || !/^\d{1,9}$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

/** Reads the hash's query; anything unknown or malformed is dropped, never sent on. */
export function stateFromSearch(params: URLSearchParams): CaseListState {
  const q = params.get('q')?.trim().slice(0, 50);
  const item = params.get('item')?.trim().slice(0, 64);
  const filters: CaseFilters = {
    status: oneOf(CASE_STATUSES, params.get('status')),
    item: item || undefined,
    q: q || undefined,
    channel: oneOf(CASE_CHANNELS, params.get('channel')),
    warning: oneOf(['yellow', 'red'] as const, params.get('warning')),
    clerk: positiveInt(params.get('clerk')),
    mine: params.get('mine') === '1' ? true : undefined,
  };
  const page = positiveInt(params.get('page'));
  return { filters: dropEmpty(filters), sort: oneOf(CASE_SORTS, params.get('sort')) ?? DEFAULT_SORT, page: page ? page - 1 : 0 };
}

function dropEmpty(filters: CaseFilters): CaseFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '')) as CaseFilters;
}

function filterParams(filters: CaseFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(dropEmpty(filters))) params.set(key, value === true ? '1' : String(value));
  return params;
}

/** The hash for a list state: `#/cases?…`, with defaults left out so links stay short. */
export function hashForState(state: CaseListState): string {
  const params = filterParams(state.filters);
  if (state.sort !== DEFAULT_SORT) params.set('sort', state.sort);
  if (state.page > 0) params.set('page', String(state.page + 1));
  const s = params.toString();
  return s ? `#/cases?${s}` : '#/cases';
}

/** `GET /cases?…` for one page of the list. */
export function listQueryString(state: CaseListState, pageSize = PAGE_SIZE): string {
  const params = filterParams(state.filters);
  params.set('sort', state.sort);
  params.set('offset', String(state.page * pageSize));
  params.set('limit', String(pageSize));
  return `?${params.toString()}`;
}

/** Only the count of matching cases: the home screen's warning tiles. */
export function countQueryString(filters: CaseFilters): string {
  const params = filterParams(filters);
  params.set('limit', '1');
  return `?${params.toString()}`;
}

/** A new filter starts again at the first page. */
export function withFilters(state: CaseListState, filters: CaseFilters): CaseListState {
  return { ...state, filters: dropEmpty(filters), page: 0 };
}

export function pageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The grid's sort (column + direction) as the host's sort key; a column the host cannot sort by → the default. */
export function sortFromGrid(key: string | undefined, direction: 'asc' | 'desc' | null | undefined): CaseSort {
  if (!key || !direction || !SORTABLE.includes(key as SortKey)) return DEFAULT_SORT;
  return (direction === 'desc' ? `-${key}` : key) as CaseSort;
}

export function gridSortOf(sort: CaseSort): { key: SortKey; direction: 'asc' | 'desc' } {
  return sort.startsWith('-') ? { key: sort.slice(1) as SortKey, direction: 'desc' } : { key: sort as SortKey, direction: 'asc' };
}

export const SORTABLE: readonly SortKey[] = ['due', 'received', 'caseNo', 'status'];

/** The query part of a hash (`#/cases?warning=red` → warning=red). */
export function hashSearch(hash: string): URLSearchParams {
  const at = hash.indexOf('?');
  return new URLSearchParams(at >= 0 ? hash.slice(at + 1) : '');
}

/** The list's two views: every case, or 待我办理 (the other filters stay as they were). */
export function withView(state: CaseListState, mine: boolean): CaseListState {
  return withFilters(state, { ...state.filters, mine: mine ? true : undefined });
}
