// Typed calls of the cases API (electron/contract/cases.ts) that the window's intake makes.
import { z } from 'zod';
import {
  CaseDetail,
  CaseList,
  CreatedCase,
  ScanView,
  type CaseActionRequest,
  type CaseSummary,
  type CreateCaseRequest,
} from '../../../electron/contract/cases.js';
import type { ApiClient } from '../../shared/api-client';
import { catalogApi } from '../../shared/catalog-api';
import { ItemSummary } from '../../shared/catalog-contract';
import { TicketCases } from '../../../electron/contract/ticket-cases.js';
import { TicketView } from '../../shared/queue-contract';

export type NoticeKind = 'acceptance' | 'correction' | 'rejection';

export function intakeApi(api: ApiClient) {
  const catalog = catalogApi(api);
  return {
    searchItems: (q: string) => api.request('GET', `/items?active=true${q.trim() ? `&q=${encodeURIComponent(q.trim())}` : ''}`, { schema: z.array(ItemSummary) }),
    item: catalog.get,
    /** The items of a queue category (its own item first), where the window's picker starts. */
    categoryItems: (code: string) => api.request('GET', `/items?active=true&category=${encodeURIComponent(code)}`, { schema: z.array(ItemSummary) }),
    ticket: (id: number) => api.request('GET', `/queue/tickets/${id}`, { schema: TicketView }),
    /** The cases received for a ticket: the counter's 本次办理事项. */
    ticketCases: (id: number) => api.request('GET', `/queue/tickets/${id}/cases`, { schema: TicketCases }),
    create: (body: CreateCaseRequest) => api.request('POST', '/cases', { body, schema: CreatedCase }),
    act: (id: number, body: CaseActionRequest) => api.request('POST', `/cases/${id}/actions`, { body, schema: CaseDetail }),
    detail: (id: number) => api.request('GET', `/cases/${id}`, { schema: CaseDetail }),
    /** A case awaiting correction, by the number on the applicant's notice (the host matches it exactly). */
    async findAwaitingCorrection(caseNo: string): Promise<CaseSummary | null> {
      const page = await api.request('GET', `/cases?status=correction&q=${encodeURIComponent(caseNo)}&limit=1`, { schema: CaseList });
      return page.rows.find((r) => r.caseNo === caseNo) ?? null;
    },
    /** The notice's complete A4 document; acceptance and correction print the query password only when offered. */
    notice: (id: number, kind: NoticeKind, queryPassword?: string | null) =>
      api.text(`/cases/${id}/notices/${kind}`, kind !== 'rejection' && queryPassword ? { 'X-Query-Password': queryPassword } : {}),
    uploadScan: (id: number, body: { materialName: string; fileName: string; contentType: string; dataBase64: string }) =>
      api.request('POST', `/cases/${id}/scans`, { body, schema: ScanView }),
  };
}

export type IntakeApi = ReturnType<typeof intakeApi>;
