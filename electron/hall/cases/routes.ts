// The cases API (DESIGN §6): intake, actions, the back-office list and detail, scans, the kiosk
// lookup and the printable notices. Routes check the caller; the service functions do the rest.
import { z } from 'zod';
import { IdParam, type Role } from '../../contract/api.js';
import {
  CaseActionRequest,
  CaseDetail,
  CaseDetailQuery,
  CaseList,
  CaseListQuery,
  CaseLookupRequest,
  CaseLookupResponse,
  CreateCaseRequest,
  CreatedCase,
  GivenNoticeParams,
  LookupLocks,
  MAX_SCAN_BYTES,
  NoticeParams,
  type NoticeKind,
  ReissuedQueryPassword,
  ScanUpload,
  ScanView,
} from '../../contract/cases.js';
import { appendAudit } from '../audit/chain.js';
import { hashPassword, staffGate } from '../auth/passwords.js';
import type { HallContext } from '../context.js';
import { forbidden, HallError, notFound } from '../http/errors.js';
import { translator, type Language } from '../http/i18n.js';
import type { Principal } from '../http/principal.js';
import { performCaseAction } from './actions.js';
import { newQueryPassword } from './case-number.js';
import { caseLimitState, listCases } from './case-list.js';
import { findCase, toCaseDetail } from './case-store.js';
import { publishCase } from './case-events.js';
import { createCase } from './intake.js';
import { type CaseLookup, verifiedPassword } from './lookup.js';
import { guessingTerminal } from '../auth/attempt-window.js';
import { noticeHtml } from './notices.js';
import { reissueQueryPassword } from './query-password.js';
import { attachScan, discardStaged, stageScanFile } from './scans.js';

const STAFF = ['clerk', 'backoffice', 'supervisor', 'admin'] as const;
const roleOf = (p: Principal | null): Role => {
  if (p?.kind !== 'user') throw forbidden();
  return p.user.role;
};

/** `dataDir` holds the scans; null (an in-memory database) means scans cannot be kept. `lookup` is
 *  the one limiter over query-password guesses, shared with the kiosk's case rating. */
export function registerCaseRoutes(hall: HallContext, dataDir: string | null, lookup: CaseLookup): void {
  const { db, clock, events } = hall;

  hall.route({
    method: 'POST', url: '/cases', tag: 'cases', summary: 'Receive a case (收件): number, check-list, query password (shown once)', allow: ['clerk', 'agent'],
    status: 201, body: CreateCaseRequest, response: CreatedCase,
    handler: async ({ body, actor, principal }): Promise<CreatedCase> => {
      const queryPassword = newQueryPassword();
      // Hashed before the transaction: scrypt is slow on purpose and must not hold the write lock.
      const passwordHash = await hashPassword(queryPassword);
      const { row, missing } = await hall.write(() => {
        const created = createCase(db, clock, actor, roleOf(principal), body, passwordHash);
        publishCase(events, 'case.created', created.row, null);
        return created;
      });
      return { id: row.id, caseNo: row.case_no, status: row.status, missingMaterials: missing, queryPassword };
    },
  });

  hall.route({
    method: 'POST', url: '/cases/:id/actions', tag: 'cases', summary: 'An action of the case state machine; 409 when the state does not allow it',
    allow: ['clerk', 'backoffice'], params: IdParam, body: CaseActionRequest, response: CaseDetail,
    handler: ({ params, body, actor, principal }) => {
      const { row, before } = performCaseAction(db, clock, actor, roleOf(principal), params.id, body);
      publishCase(events, 'case.updated', row, before);
      return toCaseDetail(db, row, caseLimitState(db, clock, row));
    },
  });

  hall.route({
    method: 'GET', url: '/cases', tag: 'cases', summary: 'Back-office list: filter, sort, page; personal data masked', allow: STAFF,
    query: CaseListQuery, response: CaseList,
    handler: ({ query, principal }) => listCases(db, clock, query, principal?.kind === 'user' ? { id: principal.user.id, role: principal.user.role } : null),
  });

  hall.route({
    method: 'GET', url: '/cases/:id', tag: 'cases', summary: 'One case with its materials and timeline; ?reveal=idNumber (back office, admin; audited)',
    allow: STAFF, params: IdParam, query: CaseDetailQuery, response: CaseDetail,
    handler: ({ params, query, actor, principal }) => {
      const r = findCase(db, params.id);
      if (!r) throw notFound();
      const reveal = query.reveal === 'idNumber';
      if (reveal) {
        const role = roleOf(principal);
        if (role !== 'backoffice' && role !== 'admin') throw forbidden();
        // The reveal is recorded before the number leaves the host: no audit row, no number.
        db.transaction(() => appendAudit(db, actor, clock.now(), { action: 'pii-reveal', entity: 'case', entityId: r.id, detail: { caseNo: r.case_no, field: 'idNumber' } })).immediate();
      }
      return toCaseDetail(db, r, caseLimitState(db, clock, r), { revealIdNumber: reveal });
    },
  });

  hall.route({
    method: 'POST', url: '/cases/:id/scans', tag: 'cases', summary: 'Attach a scan (PDF, JPEG, PNG; ≤ 10 MB) to a material of the case', allow: ['clerk'],
    status: 201, params: IdParam, body: ScanUpload, response: ScanView, bodyLimit: Math.ceil(MAX_SCAN_BYTES / 3) * 4 + 64 * 1024,
    handler: ({ params, body, actor }) => {
      if (!dataDir) throw new HallError('unavailable', 'scans_unavailable');
      if (!findCase(db, params.id)) throw notFound();
      const staged = stageScanFile(dataDir, body);
      try {
        return attachScan(db, clock, actor, dataDir, params.id, body, staged);
      } finally {
        discardStaged(staged);
      }
    },
  });

  hall.route({
    method: 'POST', url: '/cases/lookup', tag: 'cases', summary: 'Kiosk and citizens: a case by number and query password; no personal data',
    allow: 'public', body: CaseLookupRequest, response: CaseLookupResponse,
    handler: ({ body, principal, request }) => lookup.find(guessingTerminal(principal, request.ip), body.caseNo, body.password),
  });

  hall.route({
    method: 'GET', url: '/cases/lookup-locks', tag: 'cases', summary: "Cases whose kiosk lookup is locked after too many wrong query passwords",
    allow: ['clerk', 'supervisor', 'admin'], response: LookupLocks,
    handler: () => lookup.locks(),
  });

  hall.route({
    method: 'POST', url: '/cases/:id/lookup-unlock', tag: 'cases', summary: "Lift a case's lookup lock for the citizen at the counter (audited); 409 when not locked",
    allow: ['clerk', 'supervisor', 'admin'], params: IdParam, status: 204,
    handler: ({ params, actor }) => lookup.unlock(actor, params.id),
  });

  hall.route({
    method: 'POST', url: '/cases/:id/query-password', tag: 'cases',
    summary: 'A new query password for a citizen who lost theirs (audited); shown once here, the old one stops working',
    allow: ['clerk'], params: IdParam, response: ReissuedQueryPassword,
    handler: async ({ params, actor }): Promise<ReissuedQueryPassword> => {
      if (!findCase(db, params.id)) throw notFound();
      const queryPassword = newQueryPassword();
      const { caseNo } = reissueQueryPassword(db, clock, actor, params.id, await hashPassword(queryPassword));
      return { caseNo, queryPassword };
    },
  });

  const printNotice = async (params: { id: number; kind: NoticeKind; seq?: number }, lang: Language, offered: unknown, reply: { header(k: string, v: string): unknown }) => {
    const r = findCase(db, params.id);
    if (!r) throw notFound();
    const password = params.kind !== 'rejection' && typeof offered === 'string' ? await verifiedPassword(r, offered, staffGate) : null;
    reply.header('content-type', 'text/html; charset=utf-8');
    reply.header('cache-control', 'no-store');
    return noticeHtml(db, translator(lang), lang, r, { kind: params.kind, queryPassword: password, ...(params.seq === undefined ? {} : { seq: params.seq }) });
  };

  hall.route({
    method: 'GET', url: '/cases/:id/notices/:kind', tag: 'cases',
    summary: 'Printable A4 notice (acceptance, correction, rejection), the latest of its kind; acceptance and correction print the query password sent in the X-Query-Password header (verified, never stored)',
    allow: ['clerk', 'backoffice', 'supervisor', 'admin'], params: NoticeParams, response: z.string(),
    handler: ({ params, lang, request, reply }) => printNotice(params, lang, request.headers['x-query-password'], reply),
  });

  hall.route({
    method: 'GET', url: '/cases/:id/notices/:kind/:seq', tag: 'cases',
    summary: 'Reprint a notice given earlier, by its number (the seq of the case event that gave it); 404 when the case gave no such notice',
    allow: ['clerk', 'backoffice', 'supervisor', 'admin'], params: GivenNoticeParams, response: z.string(),
    handler: ({ params, lang, request, reply }) => printNotice(params, lang, request.headers['x-query-password'], reply),
  });
}
