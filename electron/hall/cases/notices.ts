// The printable notices of DOMAIN §2 as complete A4 HTML documents: 受理通知书, 补正告知书 (exactly
// the materials listed at the correction, with reasons) and 不予受理通知书 (reasons and the right to
// 行政复议 / 行政诉讼). Every value is escaped; the applicant's number is masked.
import type { TFunction } from 'i18next';
import type { Db } from '../../../db/connection.js';
import { get, sql } from '../../../db/sql.js';
import type { NoticeKind } from '../../contract/cases.js';
import { conflict, notFound } from '../http/errors.js';
import { maskIdNumber } from '../privacy/mask.js';
import { businessDayOf } from '../queue/business-day.js';
import { getSetting } from '../settings/service.js';
import { checkListOf, type CaseRow } from './case-store.js';
import { correctionDeadline, correctionsOf, noticesGiven, type GivenNotice } from './correction-notices.js';

export type { NoticeKind };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function page(lang: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
@page { size: A4; margin: 25mm 20mm; }
body { font-family: "SimSun", "Songti SC", serif; font-size: 14pt; line-height: 1.8; color: #000; }
h1 { text-align: center; font-size: 22pt; letter-spacing: 0.2em; margin: 0 0 1em; }
table.facts { border-collapse: collapse; width: 100%; margin-bottom: 1em; }
table.facts th { text-align: left; width: 8em; font-weight: normal; }
table.list { border-collapse: collapse; width: 100%; }
table.list th, table.list td { border: 1px solid #000; padding: 2pt 6pt; }
.sign { margin-top: 3em; text-align: right; }
.seal { margin-top: 1em; text-align: right; }
</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body></html>
`;
}

const row = (label: string, value: string) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;

export interface NoticeInput {
  kind: NoticeKind;
  /** The query password, only when the caller proved it matches the stored hash; printed, never kept.
   *  The notices of the intake itself (acceptance, correction) print it so the citizen can use 办件查询. */
  queryPassword: string | null;
  /** A notice given earlier, by its number (the seq of its case event); absent: the latest. */
  seq?: number;
}

/** The notice asked for: by number (404 if the case never gave it), else the latest of its kind. */
function givenNotice(db: Db, r: CaseRow, input: NoticeInput): GivenNotice | null {
  const given = noticesGiven(db, r.id, input.kind);
  if (input.seq === undefined) return given.at(-1) ?? null;
  const found = given.find((n) => n.seq === input.seq);
  if (!found) throw notFound();
  return found;
}

/** The item's legal basis and phone as the catalogue holds them now; an item since removed gives none. */
function itemOf(db: Db, r: CaseRow): { legalBasis: string; phone: string } {
  const item = get<{ legal_basis: string; consult_phone: string }>(db, sql`SELECT legal_basis, consult_phone FROM items WHERE code = ${r.item_code}`);
  return { legalBasis: item?.legal_basis.trim() ?? '', phone: item?.consult_phone.trim() ?? '' };
}

/** 行政许可法 §32 binds only 01 行政许可; other items cite their own 设定依据 or the hall's published guide (DOMAIN §1). */
function correctionText(t: TFunction, r: CaseRow, legalBasis: string): string {
  if (r.item_type === '01') return t('cases.notice.correctionTextLicence');
  return legalBasis ? t('cases.notice.correctionTextBasis', { basis: legalBasis }) : t('cases.notice.correctionTextGuide');
}

export function noticeHtml(db: Db, t: TFunction, lang: string, r: CaseRow, input: NoticeInput): string {
  const tz = getSetting(db, 'hall.timeZone');
  const hallName = getSetting(db, 'hall.name');
  const item = itemOf(db, r);
  const phone = getSetting(db, 'hall.phone').trim() || item.phone;
  const day = (iso: string) => businessDayOf(new Date(iso), tz);
  const facts = (extra: string[]) =>
    `<table class="facts">${[
      row(t('cases.notice.hall'), hallName),
      row(t('cases.notice.caseNo'), r.case_no),
      row(t('cases.notice.item'), r.item_name),
      row(t('cases.notice.phone'), phone),
      row(t('cases.notice.applicant'), r.applicant_name),
      row(t(r.id_type === 'resident_id' ? 'cases.notice.idNumber' : 'cases.notice.creditCode'), maskIdNumber(r.id_number)),
      ...extra,
    ].join('\n')}</table>`;
  const sign = (who: { name: string; at: string } | null) =>
    `<div class="sign">${escapeHtml(hallName)}<br>${escapeHtml(t('cases.notice.clerk'))}：${escapeHtml(who?.name ?? '')}<br>${escapeHtml(who ? day(who.at) : '')}</div>
<div class="seal">${escapeHtml(t('cases.notice.seal'))}</div>`;

  const given = givenNotice(db, r, input);
  if (!given) throw conflict('notice_not_available', { caseNo: r.case_no });
  const who = { name: given.actorName, at: given.at };
  const numberRow = row(t('cases.notice.noticeNo'), `${r.case_no}-${given.seq}`);

  if (input.kind === 'acceptance') {
    if (!r.accepted_at) throw conflict('notice_not_available', { caseNo: r.case_no });
    const materials = checkListOf(db, r.id).filter((m) => m.originals + m.copies + m.electronic > 0);
    const list = materials
      .map((m) => `<tr><td>${escapeHtml(m.name)}</td><td>${m.originals}</td><td>${m.copies}</td><td>${m.electronic}</td></tr>`)
      .join('\n');
    const body = `${facts([
      numberRow,
      row(t('cases.notice.acceptedDate'), day(r.accepted_at)),
      row(t('cases.notice.dueDate'), r.due_date ?? t('cases.notice.duePaused')),
      row(t('cases.notice.queryPassword'), input.queryPassword ?? t('cases.notice.passwordOnReceipt')),
    ])}
<p>${escapeHtml(t('cases.notice.acceptanceText'))}</p>
<h2>${escapeHtml(t('cases.notice.materialsReceived'))}</h2>
<table class="list"><tr><th>${escapeHtml(t('cases.notice.material'))}</th><th>${escapeHtml(t('cases.notice.originals'))}</th><th>${escapeHtml(t('cases.notice.copies'))}</th><th>${escapeHtml(t('cases.notice.electronic'))}</th></tr>
${list}</table>
${sign(who)}`;
    return page(lang, t('cases.notice.acceptanceTitle'), body);
  }

  if (input.kind === 'correction') {
    const list = correctionsOf(given).map((c, i) => `<tr><td>${i + 1}</td><td>${escapeHtml(c.name)}</td><td>${escapeHtml(c.reason)}</td></tr>`).join('\n');
    // A later round only repeats materials of the first notice, and says so.
    const first = noticesGiven(db, r.id, 'correction')[0]!;
    const again = first.seq === given.seq ? '' : `<p>${escapeHtml(t('cases.notice.correctionAgain', { noticeNo: `${r.case_no}-${first.seq}`, date: day(first.at) }))}</p>\n`;
    const deadline = correctionDeadline(db, new Date(given.at));
    const body = `${facts([numberRow, row(t('cases.notice.date'), day(given.at)),
      row(t('cases.notice.correctionDeadline'), deadline),
      row(t('cases.notice.queryPassword'), input.queryPassword ?? t('cases.notice.passwordOnReceipt')),
    ])}
${again}<p>${escapeHtml(correctionText(t, r, item.legalBasis))}</p>
<table class="list"><tr><th>#</th><th>${escapeHtml(t('cases.notice.material'))}</th><th>${escapeHtml(t('cases.notice.reason'))}</th></tr>
${list}</table>
<p>${escapeHtml(t('cases.notice.correctionOnce', { deadline }))}</p>
${sign(who)}`;
    return page(lang, t('cases.notice.correctionTitle'), body);
  }

  const stated = (given.detail?.reasons as string[] | undefined) ?? (r.reject_reasons ? (JSON.parse(r.reject_reasons) as string[]) : []);
  const reasons = stated.map((s) => `<li>${escapeHtml(s)}</li>`).join('\n');
  const body = `${facts([numberRow, row(t('cases.notice.date'), day(who.at))])}
<p>${escapeHtml(t('cases.notice.rejectionText'))}</p>
<ol>${reasons}</ol>
<p>${escapeHtml(t('cases.notice.remedies'))}</p>
${sign(who)}`;
  return page(lang, t('cases.notice.rejectionTitle'), body);
}
