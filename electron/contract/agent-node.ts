// The village node's own API for the agent's screens (DOMAIN §4): states, lists and the bodies of
// /api/v1/agent/*. Shared by the node's routes and the agent page; zod only.
import { z } from 'zod';
import { Mobile, PersonName, ResidentId } from './identity.js';
import { lineText, multilineText } from './text.js';
import { AgentMaterial, AgentRatingPayload, DeliveryPayload, DivisionCode, SIGNATURE_KINDS, Sha256Hex } from './village.js';

/** States on the node: the agent's own steps, then the hall's case as reported, then delivery. */
export const AGENT_STATES = [
  'draft',
  'authorised',
  'collected',
  'handed-over',
  'correction',
  'accepted',
  'rejected',
  'decided',
  'concluded',
  'delivered',
  'archived',
  'suspended',
  'terminated',
] as const;
export type AgentState = (typeof AGENT_STATES)[number];

export const AGENT_LISTS = ['drafts', 'waiting', 'correction', 'in-progress', 'overdue', 'ready', 'delivered'] as const;
export type AgentList = (typeof AGENT_LISTS)[number];

/** Materials go to the hall within this many working days of the 委托 (DOMAIN §4; setting). */
export const DEFAULT_HANDOVER_WORKING_DAYS = 3;
/** Records are removed this many days after the hall confirmed delivery (setting). */
export const DEFAULT_PURGE_DAYS = 30;

/** A scan or signature image sent by the page: base64 of PNG/JPEG/PDF bytes. */
export const MAX_AGENT_SCAN_BYTES = 10 * 1024 * 1024;
export const ScanUpload = z
  .object({
    mediaType: z.enum(['image/png', 'image/jpeg', 'application/pdf']),
    base64: z
      .string()
      .min(8)
      .max(Math.ceil((MAX_AGENT_SCAN_BYTES * 4) / 3) + 8)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/),
  })
  .strict();
export type ScanUpload = z.infer<typeof ScanUpload>;

/** What the agent has typed so far: every field optional, nothing checked but its length. */
export const AgentDraft = z
  .object({
    villageCode: z.string().max(12).default(''),
    applicantName: lineText(50).default(''),
    residentId: z.string().max(18).default(''),
    mobile: z.string().max(11).default(''),
    itemCode: z.string().max(64).default(''),
    itemName: lineText(200).default(''),
    scope: multilineText(500).default(''),
    validFrom: z.string().max(10).default(''),
    validUntil: z.string().max(10).default(''),
  })
  .strict();
export type AgentDraft = z.infer<typeof AgentDraft>;

/** 委托: the checked form of a draft, with the villager's mark already stored as a scan. */
export const AuthoriseRequest = z
  .object({
    villageCode: DivisionCode,
    applicantName: PersonName,
    residentId: ResidentId,
    mobile: Mobile,
    itemCode: z.string().min(1).max(64),
    itemName: lineText(200, 1),
    scope: multilineText(500).pipe(z.string().min(1)),
    validFrom: z.iso.date(),
    validUntil: z.iso.date(),
    signature: z.object({ kind: z.enum(SIGNATURE_KINDS), sha256: Sha256Hex }).strict(),
  })
  .strict()
  .refine((r) => r.validUntil >= r.validFrom, { path: ['validUntil'], params: { reason: 'agent_period_order' } });
export type AuthoriseRequest = z.infer<typeof AuthoriseRequest>;

export const MaterialsRequest = z.object({ materials: z.array(AgentMaterial).max(60) }).strict();
export type MaterialsRequest = z.infer<typeof MaterialsRequest>;

export const CollectRequest = z
  .object({ materials: z.array(AgentMaterial).max(60), duplicateReason: lineText(200, 1).nullish() })
  .strict();
export type CollectRequest = z.infer<typeof CollectRequest>;

export const HandoverRequest = z.object({ requestIds: z.array(z.uuid()).min(1).max(500) }).strict();
export type HandoverRequest = z.infer<typeof HandoverRequest>;

export const ResubmitRequest = z.object({ materials: z.array(AgentMaterial).min(1).max(60), note: multilineText(500).default('') }).strict();
export type ResubmitRequest = z.infer<typeof ResubmitRequest>;

export const SideStepRequest = z.object({ action: z.enum(['suspend', 'resume', 'terminate']), note: multilineText(500).default('') }).strict();
export type SideStepRequest = z.infer<typeof SideStepRequest>;

/** What the agent records; the node stamps the time and sends it as the `delivery` record. */
export const DeliveryRequest = DeliveryPayload.omit({ deliveredAt: true });
export type DeliveryRequest = z.infer<typeof DeliveryRequest>;

/** The villager's rating as the agent enters it; the node stamps the time (the `rating` record). */
export const RatingRequest = AgentRatingPayload.omit({ ratedAt: true });
export type RatingRequest = z.infer<typeof RatingRequest>;

export const ListQuery = z.object({ list: z.enum(AGENT_LISTS) }).strict();
export const RequestIdParams = z.object({ id: z.uuid() }).strict();
export const CatalogQuery = z.object({ q: z.string().max(50).default('') }).strict();

/** A check-list line as the agent sees it: what the item asks for and what was collected. */
export interface AgentMaterialView {
  name: string;
  required: boolean;
  expectedOriginals: number;
  expectedCopies: number;
  originals: number;
  copies: number;
  scans: string[];
  /** The correction round that asked for it (0: the first collection). */
  round: number;
}

export interface AgentRequestRow {
  requestId: string;
  state: AgentState;
  villageCode: string;
  applicantName: string;
  /** Masked in lists: 110105********002X. */
  residentIdMasked: string;
  itemName: string;
  authorisedAt: string | null;
  handedOverAt: string | null;
  /** The last day of the hand-over limit (委托 + N working days); null before the 委托. */
  handoverDue: string | null;
  handoverLate: boolean;
  caseNo: string | null;
  updatedAt: string;
}

export interface HallStateView {
  caseNo: string | null;
  receivedAt: string | null;
  dueDate: string | null;
  correction: { materials: string[]; note: string; deadline: string | null } | null;
  rejectedReasons: string[];
  decision: 'approved' | 'denied' | null;
  decidedAt: string | null;
  concludedAt: string | null;
  deliveredAckAt: string | null;
}

export interface AgentRequestDetail extends AgentRequestRow {
  draft: AgentDraft;
  residentId: string;
  mobile: string;
  itemCode: string;
  scope: string;
  validFrom: string | null;
  validUntil: string | null;
  signature: { kind: string; sha256: string } | null;
  materials: AgentMaterialView[];
  missing: string[];
  duplicateReason: string | null;
  handoverId: string | null;
  suspendedFrom: AgentState | null;
  hall: HallStateView;
  delivery: { method: string; deliveredAt: string; receiverName: string } | null;
  /** hallRefusal: the hall's error code (errors.*) when it did not take the rating, e.g. agent_rating_too_late. */
  ratings: { stage: string; level: number; hallRefusal: string | null }[];
  /** Other open requests of the same villager for the same item (the soft warning). */
  openDuplicates: string[];
}

export interface CatalogItemView {
  code: string;
  name: string;
  materials: { name: string; required: boolean; originals: number; copies: number }[];
}

export interface HandoverView {
  handoverId: string;
  handedAt: string;
  /** Who hands over, printed on the list: the agent and the station (the node's name at the hall). */
  agentName: string;
  nodeName: string;
  requests: { requestId: string; villageName: string; applicantName: string; itemName: string; materials: { name: string; originals: number; copies: number }[] }[];
}
