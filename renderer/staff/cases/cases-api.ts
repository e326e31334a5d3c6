// Typed calls of the cases API (electron/contract/cases.ts), on top of an ApiClient.
import type { ApiClient } from '../../shared/api-client';
import { CaseDetail, CaseList, LookupLocks, ReissuedQueryPassword, type CaseActionRequest, type NoticeKind } from './cases-contract';
import { countQueryString, listQueryString, type CaseFilters, type CaseListState } from './case-query';

export function casesApi(api: ApiClient) {
  return {
    list: (state: CaseListState) => api.request('GET', `/cases${listQueryString(state)}`, { schema: CaseList }),
    count: async (filters: CaseFilters) => (await api.request('GET', `/cases${countQueryString(filters)}`, { schema: CaseList })).total,
    get: (id: number) => api.request('GET', `/cases/${id}`, { schema: CaseDetail }),
    /** The full ID number; the host records who asked before it answers. */
    reveal: (id: number) => api.request('GET', `/cases/${id}?reveal=idNumber`, { schema: CaseDetail }),
    act: (id: number, body: CaseActionRequest) => api.request('POST', `/cases/${id}/actions`, { body, schema: CaseDetail }),
    /** Cases whose kiosk lookup is locked after too many wrong query passwords (clerk, supervisor, admin). */
    lookupLocks: () => api.request('GET', '/cases/lookup-locks', { schema: LookupLocks }),
    /** Lifts a case's lookup lock for the citizen at the counter; the host audits it. */
    liftLookupLock: (id: number) => api.request('POST', `/cases/${id}/lookup-unlock`),
    /** A new query password for an applicant who lost theirs (clerk); shown once, the host audits it. */
    reissueQueryPassword: (id: number) => api.request('POST', `/cases/${id}/query-password`, { schema: ReissuedQueryPassword }),
    /** A notice the case was given, by its number (the seq of its timeline entry), as its A4 document. */
    notice: (id: number, kind: NoticeKind, seq: number) => api.text(`/cases/${id}/notices/${kind}/${seq}`),
  };
}

export type CasesApi = ReturnType<typeof casesApi>;
