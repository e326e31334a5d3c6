// The intake form as pure functions: the clerk's form → CreateCaseRequest, field checks in DOMAIN §6
// words, the missing materials → the 一次性告知 list, and when 受理 may be pressed. No React here.
import {
  MAX_SCAN_BYTES,
  SCAN_TYPES,
  type CaseDetail,
  type CaseStatus,
  type CorrectionEntry,
  type CreateCaseRequest,
  type MissingMaterial,
  type ProvidedMaterial,
} from '../../../electron/contract/cases.js';
import type { Material } from '../../../electron/contract/catalog.js';
import { OrganisationName } from '../../../electron/contract/cases.js';
import { CreditCode, Mobile, PersonName, ResidentId } from '../../../electron/contract/identity.js';
import { describeIssue, fieldIssues } from '../../../electron/contract/field-issues.js';
import type { Translate } from '../../shared/translate';

export type ApplicantKind = 'person' | 'organisation';

export interface ApplicantForm {
  kind: ApplicantKind;
  name: string;
  idNumber: string;
  creditCode: string;
  contactName: string;
  mobile: string;
}

export const EMPTY_APPLICANT: ApplicantForm = { kind: 'person', name: '', idNumber: '', creditCode: '', contactName: '', mobile: '' };

/** The fields each kind of applicant shows, in order. */
export const APPLICANT_FIELDS: Record<ApplicantKind, readonly ApplicantField[]> = {
  person: ['name', 'idNumber', 'mobile'],
  organisation: ['name', 'creditCode', 'contactName', 'mobile'],
};

export type ApplicantField = Exclude<keyof ApplicantForm, 'kind'>;

/** One row of the check-list as the clerk fills it in. */
export interface MaterialEntry {
  material: Material;
  applicable: boolean;
  originals: number;
  copies: number;
  electronic: number;
}

export function entriesFor(materials: readonly Material[]): MaterialEntry[] {
  return materials.map((material) => ({ material, applicable: material.requirement === 'required', originals: 0, copies: 0, electronic: 0 }));
}

/** The check-list of a case already received, as its materials stand now (a returning applicant). */
export function entriesFromDetail(detail: Pick<CaseDetail, 'materials'>): MaterialEntry[] {
  return detail.materials.map((m) => ({
    material: {
      name: m.name,
      requirement: m.requirement,
      condition: m.condition,
      originals: m.need.originals,
      copies: m.need.copies,
      electronic: m.need.electronicAccepted,
      source: 'applicant',
      notes: '',
    },
    applicable: m.applicable,
    originals: m.provided.originals,
    copies: m.provided.copies,
    electronic: m.provided.electronic,
  }));
}

/** "收齐": what the guide asks for, handed in. */
export function complete(entry: MaterialEntry): MaterialEntry {
  return { ...entry, applicable: true, originals: entry.material.originals, copies: entry.material.copies };
}

export function providedMaterials(entries: readonly MaterialEntry[]): ProvidedMaterial[] {
  return entries.map(({ material, applicable, originals, copies, electronic }) => ({
    name: material.name,
    originals,
    copies,
    electronic: material.electronic ? electronic : 0,
    ...(material.requirement === 'conditional' ? { applicable } : {}),
  }));
}

/** The counts a 代办件 arrived with (as the clerk counted the hand-over) on the item's check-list. */
export function entriesWithProvided(entries: readonly MaterialEntry[], provided: readonly ProvidedMaterial[]): MaterialEntry[] {
  const byName = new Map(provided.map((p) => [p.name, p]));
  return entries.map((e) => {
    const p = byName.get(e.material.name);
    if (!p) return e;
    const handedIn = p.originals + p.copies + p.electronic > 0;
    return { ...e, originals: p.originals, copies: p.copies, electronic: p.electronic, applicable: e.applicable || handedIn };
  });
}

/** A condition that holds whenever someone acts for the applicant (委托他人代办的, 由代理人办理的…). */
const ACTING_FOR_APPLICANT = /委托|代办|代理/;

/** A 代办件 is always one that someone does for the applicant, so the conditional lines whose condition
 *  says so (授权委托书, 代办人居民身份证) apply: ticked for the clerk, missing until counted. */
export function agentConditionsApply(entries: readonly MaterialEntry[]): MaterialEntry[] {
  return entries.map((e) =>
    e.material.requirement === 'conditional' && ACTING_FOR_APPLICANT.test(e.material.condition) ? { ...e, applicable: true } : e,
  );
}

/** The applicant of a 代办件 as the intake form holds it (a villager: always a person). */
export function applicantFormOf(a: { name: string; idNumber: string; mobile: string }): ApplicantForm {
  return { ...EMPTY_APPLICANT, kind: 'person', name: a.name, idNumber: a.idNumber, mobile: a.mobile };
}

/** #/intake?agentRequest=12: the 代办件 the intake takes in (from the 代办件 screen's 受理此代办件). */
export function agentRequestFromHash(hash: string): number | null {
  const query = hash.indexOf('?');
  if (query < 0) return null;
  const value = new URLSearchParams(hash.slice(query + 1)).get('agentRequest');
  return value && /^\d{1,12}$/.test(value) && Number(value) > 0 ? Number(value) : null;
}

/**
 * The case to create. From a 代办件 (`agentRequestId`) the channel is the agent's: the host links the
 * request and names the agent as the case's 代理人 (electron/hall/cases/agent-link.ts).
 */
export function toCreateCaseRequest(itemCode: string, applicant: ApplicantForm, entries: readonly MaterialEntry[], ticketId: number | null, agentRequestId: number | null = null): CreateCaseRequest {
  const a = applicant;
  return {
    itemCode,
    applicant:
      a.kind === 'person'
        ? { kind: 'person', name: a.name.trim(), idType: 'resident_id', idNumber: a.idNumber.trim().toUpperCase(), mobile: a.mobile.trim() }
        : { kind: 'organisation', name: a.name.trim(), creditCode: a.creditCode.trim().toUpperCase(), contactName: a.contactName.trim(), mobile: a.mobile.trim() },
    materials: providedMaterials(entries),
    channel: agentRequestId !== null ? 'agent' : 'window',
    ...(ticketId !== null ? { ticketId } : {}),
    ...(agentRequestId !== null ? { agentRequestId } : {}),
  };
}


const FIELD_SCHEMA = { name: PersonName, idNumber: ResidentId, creditCode: CreditCode, contactName: PersonName, mobile: Mobile } as const;

/** The sentence under one field ("身份证号码：校验位不正确…"), or null when the value is right. */
export function applicantFieldError(t: Translate, form: ApplicantForm, field: ApplicantField): string | null {
  const value = form[field];
  const schema = field === 'name' && form.kind === 'organisation' ? OrganisationName : FIELD_SCHEMA[field];
  const parsed = schema.safeParse(value);
  if (parsed.success) return null;
  const issue = fieldIssues(parsed.error, value)[0];
  if (!issue) return null;
  // An empty box is "必须填写", not "至少需要 1 个字符".
  const plain = issue.code === 'too_short' ? { field, code: 'required' } : issue;
  return describeIssue(t, { ...plain, field: fieldLabelKey(form.kind, field) });
}

/** fields.* label keys: a person's name is 姓名, an organisation's 名称. */
function fieldLabelKey(kind: ApplicantKind, field: ApplicantField): string {
  if (field === 'name') return kind === 'person' ? 'personName' : 'name';
  return field;
}

export function applicantErrors(t: Translate, form: ApplicantForm): Partial<Record<ApplicantField, string>> {
  const errors: Partial<Record<ApplicantField, string>> = {};
  for (const field of APPLICANT_FIELDS[form.kind]) {
    const error = applicantFieldError(t, form, field);
    if (error) errors[field] = error;
  }
  return errors;
}

/** The host's field path (applicant.idNumber, materials.2.name) → the form's field (idNumber, materials). */
export function formFieldOfIssue(path: string): string {
  const parts = path.split('.');
  return parts[0] === 'applicant' && parts[1] ? parts[1] : (parts[0] ?? path);
}

/** The reason printed on the 补正告知书 for one missing material, pre-filled for the clerk to adjust. */
export function missingReasonText(t: Translate, missing: MissingMaterial): string {
  switch (missing.reason) {
    case 'not_provided':
      return t('intake.missingReason.not_provided');
    case 'originals_short':
      return t('intake.missingReason.originals_short', { n: missing.need.originals });
    case 'copies_short':
      return t('intake.missingReason.copies_short', { n: missing.need.copies });
  }
}

/** The 一次性告知 list pre-filled from the host's missing materials: every one, each with its reason. */
export function correctionsFrom(t: Translate, missing: readonly MissingMaterial[]): CorrectionEntry[] {
  return missing.map((m) => ({ name: m.name, reason: missingReasonText(t, m) }));
}

/** The materials of the case's first 补正告知书, or null before any correction was requested. */
export function firstNoticeNames(events: CaseDetail['events']): string[] | null {
  const first = events.find((e) => e.action === 'request-correction');
  if (!first) return null;
  const corrections = (first.detail?.corrections as CorrectionEntry[] | undefined) ?? [];
  return corrections.map((c) => c.name);
}

/**
 * 一次性告知: after a resubmit a correction may only repeat materials of the first notice, and must
 * name those of them still missing; before any notice, every material and every missing one.
 */
export function correctionScope(firstNotice: readonly string[] | null, missing: readonly MissingMaterial[], materialNames: readonly string[]) {
  if (!firstNotice) return { missing: [...missing], materialNames: [...materialNames] };
  const listed = new Set(firstNotice);
  return { missing: missing.filter((m) => listed.has(m.name)), materialNames: materialNames.filter((n) => listed.has(n)) };
}

/** What stops a correction list from being sent: a missing material left out, an empty reason. */
export function correctionProblems(t: Translate, list: readonly CorrectionEntry[], missing: readonly MissingMaterial[]): string[] {
  const problems: string[] = [];
  if (list.length === 0) problems.push(t('intake.correctionEmpty'));
  const omitted = missing.filter((m) => !list.some((c) => c.name === m.name)).map((m) => m.name);
  if (omitted.length) problems.push(t('intake.correctionOmitted', { names: omitted.join('、') }));
  for (const entry of list) if (!entry.reason.trim()) problems.push(t('intake.correctionNoReason', { name: entry.name }));
  return problems;
}

export interface Availability {
  enabled: boolean;
  /** Why not, in the clerk's words; empty when enabled. */
  reasons: string[];
}

/** 受理 only for a received case with nothing missing; the reasons name every missing material. */
export function acceptAvailability(t: Translate, status: CaseStatus, missing: readonly MissingMaterial[]): Availability {
  if (status !== 'received') return { enabled: false, reasons: [t('intake.notReceived', { status: t(`cases.status.${status}`) })] };
  if (missing.length === 0) return { enabled: true, reasons: [] };
  return { enabled: false, reasons: missing.map((m) => `${m.name}：${missingReasonText(t, m)}`) };
}

/** Correction and rejection are decided at the window, on a case just received. */
export function windowDecisionOpen(status: CaseStatus): boolean {
  return status === 'received';
}

export type ScanType = (typeof SCAN_TYPES)[number];

/** Why a chosen file cannot be sent as a scan, or null. */
export function scanFileProblem(file: { type: string; size: number }): 'scan_type' | 'scan_size' | null {
  if (!(SCAN_TYPES as readonly string[]).includes(file.type)) return 'scan_type';
  if (file.size > MAX_SCAN_BYTES || file.size === 0) return 'scan_size';
  return null;
}

/** The host keeps file names to 50 characters: shorten the stem, keep the extension. */
export function scanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'scan';
  if (clean.length <= 50) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 6 ? clean.slice(dot) : '';
  return clean.slice(0, 50 - ext.length) + ext;
}

/** The ticket being served, from `#/intake?ticket=12&number=A012`; a walk-in has none. */
export function ticketFromHash(hash: string): { id: number; number: string | null } | null {
  const query = hash.indexOf('?');
  if (query < 0) return null;
  const params = new URLSearchParams(hash.slice(query + 1));
  const value = params.get('ticket');
  if (!value || !/^\d{1,12}$/.test(value) || Number(value) <= 0) return null;
  const number = params.get('number');
  return { id: Number(value), number: number && /^[A-Z0-9]{1,12}$/.test(number) ? number : null };
}

export function intakeHrefForTicket(ticket: { id: number; number: string }): string {
  return `#/intake?ticket=${ticket.id}&number=${encodeURIComponent(ticket.number)}`;
}
