// The back-office list's state in the hash and the GET /cases query built from it.
import { describe, expect, it } from 'vitest';
import { CaseListQuery, statusesAwaiting } from '../../electron/contract/cases.js';
import {
  countQueryString,
  DEFAULT_SORT,
  gridSortOf,
  hashForState,
  hashSearch,
  listQueryString,
  pageCount,
  sortFromGrid,
  stateFromSearch,
  withFilters,
  withView,
} from '../../renderer/staff/cases/case-query';

const parse = (hash: string) => stateFromSearch(hashSearch(hash));
const queryOf = (qs: string) => Object.fromEntries(new URLSearchParams(qs.slice(1)));

describe('list state in the hash', () => {
  it('reads filters, sort and page, dropping what the host would refuse', () => {
    expect(parse('#/cases?status=in_review&warning=red&sort=-due&page=3&clerk=4&channel=agent&item=A1&q=%E7%8E%8B')).toEqual({
      filters: { status: 'in_review', warning: 'red', clerk: 4, channel: 'agent', item: 'A1', q: '王' },
      sort: '-due',
      page: 2,
    });
    expect(parse('#/cases?status=bogus&warning=none&sort=applicant&page=0&clerk=-1&channel=fax')).toEqual({ filters: {}, sort: DEFAULT_SORT, page: 0 });
    expect(parse('#/cases')).toEqual({ filters: {}, sort: '-received', page: 0 });
  });

  it('round-trips through the hash, leaving defaults out', () => {
    const state = { filters: { status: 'paused' as const, q: '张' }, sort: 'due' as const, page: 1 };
    expect(parse(hashForState(state))).toEqual(state);
    expect(hashForState({ filters: {}, sort: DEFAULT_SORT, page: 0 })).toBe('#/cases');
    expect(hashForState({ filters: { warning: 'yellow' }, sort: 'due', page: 0 })).toBe('#/cases?warning=yellow&sort=due');
  });

  it('starts again at page 1 when a filter changes', () => {
    expect(withFilters({ filters: {}, sort: 'due', page: 4 }, { warning: 'red', item: '' })).toEqual({ filters: { warning: 'red' }, sort: 'due', page: 0 });
  });
});

describe('GET /cases query', () => {
  it('asks for the page with offset and limit 50, the sort and the filters, and the host accepts it', () => {
    const qs = listQueryString({ filters: { status: 'accepted', clerk: 7 }, sort: '-caseNo', page: 2 });
    const query = queryOf(qs);
    expect(query).toEqual({ status: 'accepted', clerk: '7', sort: '-caseNo', offset: '100', limit: '50' });
    expect(CaseListQuery.parse(query)).toMatchObject({ offset: 100, limit: 50, sort: '-caseNo', clerk: 7 });
  });

  it('counts with limit=1 for the home tiles', () => {
    expect(queryOf(countQueryString({ warning: 'yellow' }))).toEqual({ warning: 'yellow', limit: '1' });
  });

  it('pages: at least one, rounding up', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(50)).toBe(1);
    expect(pageCount(51)).toBe(2);
  });
});

describe('grid sort ↔ host sort', () => {
  it('maps the sortable columns and falls back to the default for others', () => {
    expect(sortFromGrid('due', 'asc')).toBe('due');
    expect(sortFromGrid('caseNo', 'desc')).toBe('-caseNo');
    expect(sortFromGrid('status', 'asc')).toBe('status');
    expect(sortFromGrid('itemName', 'asc')).toBe(DEFAULT_SORT);
    expect(sortFromGrid('due', null)).toBe(DEFAULT_SORT);
    expect(gridSortOf('-received')).toEqual({ key: 'received', direction: 'desc' });
    expect(gridSortOf('due')).toEqual({ key: 'due', direction: 'asc' });
  });
});

describe('待我办理 view', () => {
  it('keeps mine=1 in the hash and reads nothing else as it', () => {
    const state = { filters: { mine: true as const, warning: 'red' as const }, sort: 'due' as const, page: 0 };
    expect(hashForState(state)).toBe('#/cases?mine=1&warning=red&sort=due');
    expect(parse(hashForState(state))).toEqual(state);
    expect(parse('#/cases?mine=true').filters).toEqual({});
    expect(parse('#/cases?mine=0').filters).toEqual({});
  });

  it('switches views at page 1, keeping the other filters', () => {
    const all = { filters: { status: 'in_review' as const }, sort: 'due' as const, page: 3 };
    const mine = withView(all, true);
    expect(mine).toEqual({ filters: { status: 'in_review', mine: true }, sort: 'due', page: 0 });
    expect(withView(mine, false)).toEqual({ filters: { status: 'in_review' }, sort: 'due', page: 0 });
  });

  it('sends mine=1, which the host accepts, for the list and for the count', () => {
    const query = queryOf(listQueryString({ filters: { mine: true }, sort: DEFAULT_SORT, page: 0 }));
    expect(query.mine).toBe('1');
    expect(CaseListQuery.parse(query).mine).toBe('1');
    expect(queryOf(countQueryString({ mine: true }))).toEqual({ mine: '1', limit: '1' });
  });

  it('waits on the window for received, correction and concluded cases, on the reviewer for its review steps', () => {
    expect(statusesAwaiting('clerk')).toEqual(['received', 'correction', 'concluded']);
    expect(statusesAwaiting('backoffice')).toEqual(['accepted', 'in_review', 'paused', 'decided']);
    expect(statusesAwaiting('supervisor')).toEqual([]);
  });
});
