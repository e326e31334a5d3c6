// Cases (办件, DOMAIN §2): intake, the actions of the state machine, the back-office list, the kiosk
// lookup and scans. Shared by the hall service and the renderer; zod only.
import { z } from 'zod';
import { PlainName, rowId, decimalInt, Role } from './api.js';
import { CreditCode, Mobile, PersonName, ResidentId } from './identity.js';
import { lineText, multilineText } from './text.js';

export const CASE_STATUSES = ['received', 'correction', 'accepted', 'in_review', 'paused', 'forwarded', 'decided', 'concluded', 'delivered', 'rejected', 'withdrawn'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const CASE_ACTIONS = ['accept', 'request-correction', 'resubmit', 'reject', 'assign', 'approve', 'deny', 'pause', 'resume', 'forward', 'conclude', 'deliver', 'withdraw'] as const;
export const CaseAction = z.enum(CASE_ACTIONS);
export type CaseAction = z.infer<typeof CaseAction>;

/**
 * The state machine of DOMAIN §2 as data, shared so the back-office screens offer exactly what the
 * host allows. "Any open state ─withdraw→": the applicant may withdraw the application until a
 * decision is made (行政许可法: an application is withdrawn before the decision); from `decided` on
 * there is nothing left to withdraw, and the end states are closed.
 */
export const WITHDRAWABLE: readonly CaseStatus[] = ['received', 'correction', 'accepted', 'in_review', 'paused', 'forwarded'];

export const CASE_TRANSITIONS: Record<Exclude<CaseAction, 'withdraw'>, Partial<Record<CaseStatus, CaseStatus>>> = {
  accept: { received: 'accepted' },
  'request-correction': { received: 'correction' },
  resubmit: { correction: 'received' },
  reject: { received: 'rejected' },
  assign: { accepted: 'in_review' },
  approve: { in_review: 'decided' },
  deny: { in_review: 'decided' },
  pause: { in_review: 'paused' },
  resume: { paused: 'in_review' },
  forward: { in_review: 'forwarded' },
  conclude: { decided: 'concluded' },
  deliver: { concluded: 'delivered' },
};

/** The state an action leads to from `status`, or null when the state machine does not allow it. */
export function nextStatus(status: CaseStatus, action: CaseAction): CaseStatus | null {
  if (action === 'withdraw') return WITHDRAWABLE.includes(status) ? 'withdrawn' : null;
  return CASE_TRANSITIONS[action][status] ?? null;
}

/** Intake actions are the window's; review actions the back office's (the brief of issue 4). */
export const ACTION_ROLE: Record<CaseAction, Role> = {
  accept: 'clerk',
  'request-correction': 'clerk',
  resubmit: 'clerk',
  reject: 'clerk',
  deliver: 'clerk',
  withdraw: 'clerk',
  assign: 'backoffice',
  approve: 'backoffice',
  deny: 'backoffice',
  pause: 'backoffice',
  resume: 'backoffice',
  forward: 'backoffice',
  conclude: 'backoffice',
};

/** States whose promised time limit is running (accepted and not yet concluded, not paused). */
/** 待我办理: the statuses in which `role` has a step of its own to take (withdrawal is the
 *  applicant's wish, not work waiting for the clerk, so it does not count). */
export function statusesAwaiting(role: Role): CaseStatus[] {
  const actions = Object.entries(CASE_TRANSITIONS).filter(([action]) => ACTION_ROLE[action as CaseAction] === role);
  return CASE_STATUSES.filter((status) => actions.some(([, moves]) => status in moves));
}

export const CLOCK_RUNNING: readonly CaseStatus[] = ['accepted', 'in_review', 'forwarded', 'decided'];

export const CASE_CHANNELS = ['window', 'agent'] as const;
export const WARNING_LEVELS = ['none', 'yellow', 'red'] as const;

const Note = multilineText(500);
/** A reason, a correction note: one line a clerk writes for the citizen. */
const Reason = lineText(200, 1);
/** A material's name as the item's check-list spells it. */
const MaterialName = lineText(100, 1);

export const PersonApplicant = z.object({
  kind: z.literal('person'),
  name: PersonName,
  idType: z.literal('resident_id'),
  idNumber: ResidentId,
  mobile: Mobile,
});
/** A registered organisation's name may run past a person's 50 characters. */
export const OrganisationName = lineText(100, 1);

export const OrganisationApplicant = z.object({
  kind: z.literal('organisation'),
  name: OrganisationName,
  creditCode: CreditCode,
  contactName: PersonName,
  mobile: Mobile,
});
export const Applicant = z.discriminatedUnion('kind', [PersonApplicant, OrganisationApplicant]);
export type Applicant = z.infer<typeof Applicant>;

/** What was handed in for one material of the item, by the material's name. */
export const ProvidedMaterial = z.object({
  name: MaterialName,
  originals: z.number().int().min(0).max(99).default(0),
  copies: z.number().int().min(0).max(99).default(0),
  electronic: z.number().int().min(0).max(99).default(0),
  /** Conditional materials only: the clerk marks that the condition applies to this applicant. */
  applicable: z.boolean().optional(),
});
export type ProvidedMaterial = z.infer<typeof ProvidedMaterial>;

export const CreateCaseRequest = z.object({
  itemCode: lineText(64, 1),
  applicant: Applicant,
  materials: z.array(ProvidedMaterial).max(50).default([]),
  channel: z.enum(CASE_CHANNELS).default('window'),
  ticketId: z.number().int().positive().optional(),
  agentRequestId: z.number().int().positive().optional(),
});
export type CreateCaseRequest = z.infer<typeof CreateCaseRequest>;

/** A material still to be handed in, and why. */
export const MissingMaterial = z.object({
  name: z.string(),
  reason: z.enum(['not_provided', 'originals_short', 'copies_short']),
  need: z.object({ originals: z.number().int(), copies: z.number().int() }),
});
export type MissingMaterial = z.infer<typeof MissingMaterial>;

export const CreatedCase = z.object({
  id: z.number().int(),
  caseNo: z.string(),
  status: CaseStatus,
  missingMaterials: z.array(MissingMaterial),
  /** The 6-digit query password, shown once here for the receipt; the host keeps only its hash. */
  queryPassword: z.string(),
});
export type CreatedCase = z.infer<typeof CreatedCase>;

/** A new query password for a citizen who lost theirs, shown once; the old one no longer works. */
export const ReissuedQueryPassword = z.object({ caseNo: z.string(), queryPassword: z.string() });
export type ReissuedQueryPassword = z.infer<typeof ReissuedQueryPassword>;

export const CorrectionEntry = z.object({ name: MaterialName, reason: Reason });
export type CorrectionEntry = z.infer<typeof CorrectionEntry>;

/** One body for every action; the fields an action needs are checked by the service (400 names them). */
export const CaseActionRequest = z.object({
  action: CaseAction,
  note: Note.optional(),
  /** request-correction: every missing or defective material with its reason (一次性告知). */
  corrections: z.array(CorrectionEntry).max(50).optional(),
  /** resubmit: the whole check-list again. */
  materials: z.array(ProvidedMaterial).max(50).optional(),
  /** reject: the reasons printed on the 不予受理通知书. */
  reasons: z.array(Reason).max(20).optional(),
  /** assign: the back-office user who reviews. */
  assigneeId: z.number().int().positive().optional(),
  /** deliver. */
  method: z.enum(['window', 'post']).optional(),
});
export type CaseActionRequest = z.infer<typeof CaseActionRequest>;

export const CaseEventView = z.object({
  seq: z.number().int(),
  action: z.string(),
  stateBefore: z.string().nullable(),
  stateAfter: z.string(),
  /** The staff member's display name (王芳), the paired device's name, or the system's name
   *  (county, system), resolved when served: the stored entry keeps the username. */
  actorName: z.string(),
  actorKind: z.enum(['user', 'device', 'system']),
  /** The staff member's role; null for devices and the system. */
  actorRole: Role.nullable(),
  /** Where it came from: the paired device's name for a device, else the address as recorded. */
  terminal: z.string().nullable(),
  at: z.string(),
  note: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});

export const CaseMaterialView = z.object({
  name: z.string(),
  requirement: z.enum(['required', 'conditional']),
  condition: z.string(),
  applicable: z.boolean(),
  need: z.object({ originals: z.number().int(), copies: z.number().int(), electronicAccepted: z.boolean() }),
  provided: z.object({ originals: z.number().int(), copies: z.number().int(), electronic: z.number().int() }),
  scans: z.array(z.object({ id: z.number().int(), fileName: z.string(), contentType: z.string(), sha256: z.string(), size: z.number().int() })),
});

export const CaseSummary = z.object({
  id: z.number().int(),
  caseNo: z.string(),
  status: CaseStatus,
  itemCode: z.string(),
  itemName: z.string(),
  applicantKind: z.enum(['person', 'organisation']),
  /** Masked (王*) in lists; the number masked unless revealed. */
  applicantName: z.string(),
  idNumber: z.string(),
  mobile: z.string(),
  channel: z.enum(CASE_CHANNELS),
  clerkId: z.number().int().nullable(),
  /** The staff member's display name (staff names are not personal data of the applicant). */
  clerkName: z.string().nullable(),
  assigneeId: z.number().int().nullable(),
  assigneeName: z.string().nullable(),
  villageCode: z.string().nullable(),
  receivedAt: z.string(),
  acceptedAt: z.string().nullable(),
  dueDate: z.string().nullable(),
  remainingWorkingDays: z.number().int().nullable(),
  warning: z.enum(WARNING_LEVELS),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseDetail = CaseSummary.extend({
  contactName: z.string().nullable(),
  promisedLimit: z.object({ value: z.number().int(), unit: z.enum(['working_days', 'days', 'months']) }),
  handlingLevel: z.enum(['town', 'county']),
  missingMaterials: z.array(MissingMaterial),
  materials: z.array(CaseMaterialView),
  correction: z.array(CorrectionEntry).nullable(),
  rejectReasons: z.array(z.string()).nullable(),
  decision: z.enum(['approved', 'denied']).nullable(),
  pauses: z.array(z.object({ from: z.string(), to: z.string().nullable(), reason: z.string() })),
  deliveryMethod: z.enum(['window', 'post']).nullable(),
  events: z.array(CaseEventView),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CASE_SORTS = ['due', '-due', 'received', '-received', 'caseNo', '-caseNo', 'status', '-status'] as const;
export const CaseListQuery = z.object({
  status: CaseStatus.optional(),
  item: lineText(64).optional(),
  /** A full ID / credit code number, a case number or an applicant's full name, each matched
   *  exactly: a fragment finds nothing, so a search cannot read a masked name or number back. */
  q: lineText(50, 1).optional(),
  channel: z.enum(CASE_CHANNELS).optional(),
  clerk: rowId().optional(),
  village: lineText(32).optional(),
  warning: z.enum(['yellow', 'red']).optional(),
  /** 待我办理: cases of the caller (assigned to a back-office reviewer, received by a clerk) in a
   *  status where the caller's role has a step to take. */
  mine: z.literal('1').optional(),
  sort: z.enum(CASE_SORTS).default('-received'),
  offset: decimalInt(0, 10_000_000).default(0),
  limit: decimalInt(1, 200).default(50),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const CaseList = z.object({ rows: z.array(CaseSummary), total: z.number().int() });
export type CaseList = z.infer<typeof CaseList>;

export const CaseDetailQuery = z.object({ reveal: z.enum(['idNumber']).optional() });

export const CaseLookupRequest = z.object({
  caseNo: z.string().trim().min(1).max(32),
  password: z.string().trim().regex(/^\d{6}$/),
});
/** The stages of a case its applicant may rate (DOMAIN §3: 受理, 办结), each once. */
export const CASE_RATING_STAGES = ['accepted', 'concluded'] as const;
export const CaseRatingStage = z.enum(CASE_RATING_STAGES);
export type CaseRatingStage = z.infer<typeof CaseRatingStage>;

/** What anyone holding the case number and password sees: no personal data at all. */
export const CaseLookupResponse = z.object({
  caseNo: z.string(),
  status: CaseStatus,
  itemName: z.string(),
  receivedDate: z.string(),
  acceptedDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** Stages reached, not yet rated and still inside the rating period (`until`, an instant): the kiosk offers 评价 for each. */
  rateableStages: z.array(z.object({ stage: CaseRatingStage, until: z.string() })),
  /** The hall has called back about the citizen's bad rating of this case: one 追评 may be given now (DOMAIN §3). */
  followupOpen: z.boolean(),
});
export type CaseLookupResponse = z.infer<typeof CaseLookupResponse>;

/** A case whose lookup is locked after too many wrong query passwords; a clerk may lift it. */
export const LookupLock = z.object({ caseId: z.number().int(), caseNo: z.string(), failures: z.number().int(), lockedUntil: z.string() });
export type LookupLock = z.infer<typeof LookupLock>;
export const LookupLocks = z.array(LookupLock);

export const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const MAX_SCAN_BYTES = 10 * 1024 * 1024;
export const ScanUpload = z.object({
  materialName: MaterialName,
  fileName: PlainName.pipe(z.string().max(50)),
  contentType: z.enum(SCAN_TYPES),
  // 10 MB of bytes is 13.4 MB of base64.
  dataBase64: z.string().min(1).max(Math.ceil(MAX_SCAN_BYTES / 3) * 4),
});
export const ScanView = z.object({ id: z.number().int(), sha256: z.string(), size: z.number().int(), contentType: z.string() });

export const NOTICE_KINDS = ['acceptance', 'correction', 'rejection'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NoticeParams = z.object({ id: rowId(), kind: z.enum(NOTICE_KINDS) });
/** A notice given earlier, by its number: the seq of the case event that gave it (reprint). */
export const GivenNoticeParams = NoticeParams.extend({ seq: rowId() });
