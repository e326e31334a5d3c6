// Village node ⇄ hall (DESIGN §9, DOMAIN §4): the wire format both sides speak. The node builds
// these records in its business transactions; the hall parses them with these schemas. Replies
// reuse the county contract's result shape (one exactly-once link, two users). zod only.
import { z } from 'zod';
import { RecordResult } from './county.js';
import { Mobile, PersonName, ResidentId } from './identity.js';
import { lineText, multilineText } from './text.js';

/** 统计用区划代码: 12 digits (province 2, city 2, county 2, town 3, village 3). */
export const DivisionCode = z.string().regex(/^\d{12}$/, 'divisionCode');
export type DivisionCode = z.infer<typeof DivisionCode>;

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** Ids the node makes (UUIDs as text); the hall never invents them. */
const NodeId = z.string().min(8).max(64).regex(/^[0-9A-Za-z-]+$/);

export const VILLAGE_RECORD_KINDS = ['agent-request', 'agent-event', 'handover', 'delivery', 'rating'] as const;
export const VillageRecordKind = z.enum(VILLAGE_RECORD_KINDS);
export type VillageRecordKind = z.infer<typeof VillageRecordKind>;

export const MAX_VILLAGE_BATCH_RECORDS = 200;
/** One scan's ceiling and one PUT's ceiling. */
export const MAX_SCAN_BYTES = 20 * 1024 * 1024;
export const MAX_SCAN_CHUNK_BYTES = 1024 * 1024;
/** HEAD /village/scans/:sha256 answers how many bytes arrived in this header (0 when none). */
export const SCAN_RECEIVED_HEADER = 'x-scan-received';
/** …and the declared total in this one, once a first chunk has told it. */
export const SCAN_TOTAL_HEADER = 'x-scan-total';

/** A material as counted at the village: the item's check-list name, originals and copies, scans. */
export const AgentMaterial = z
  .object({
    name: lineText(100, 1),
    originals: z.number().int().min(0).max(99),
    copies: z.number().int().min(0).max(99),
    scans: z.array(Sha256Hex).max(20).default([]),
  })
  .strict();
export type AgentMaterial = z.infer<typeof AgentMaterial>;

export const SIGNATURE_KINDS = ['drawn', 'thumbprint', 'scanned-form'] as const;

/** The villager's mark on the 委托: an image kept as a scan, named by its SHA-256. */
export const AgentSignature = z.object({ kind: z.enum(SIGNATURE_KINDS), sha256: Sha256Hex }).strict();

/** seq 1 of every request: the 委托 and what the agent collected at the village. */
export const AgentRequestPayload = z
  .object({
    villageCode: DivisionCode,
    applicant: z.object({ name: PersonName, residentId: ResidentId, mobile: Mobile }).strict(),
    item: z.object({ code: z.string().min(1).max(64), name: lineText(200, 1) }).strict(),
    authorisation: z
      .object({
        scope: multilineText(500).pipe(z.string().min(1)),
        validFrom: z.iso.date(),
        validUntil: z.iso.date(),
        signature: AgentSignature,
        authorisedAt: z.string().min(1).max(40),
      })
      .strict(),
    materials: z.array(AgentMaterial).max(60),
    /** Check-list materials still missing when the agent set out (shown before travelling). */
    missing: z.array(lineText(100, 1)).max(60).default([]),
    /** Given when the agent continued past the open-request warning. */
    duplicateReason: lineText(200, 1).nullish(),
  })
  .strict();
export type AgentRequestPayload = z.infer<typeof AgentRequestPayload>;

export const AGENT_EVENT_ACTIONS = ['resubmit', 'suspend', 'resume', 'terminate'] as const;

/** Later steps of a request taken at the village: materials supplied for a correction, 中止/续办/终止. */
export const AgentEventPayload = z
  .object({
    action: z.enum(AGENT_EVENT_ACTIONS),
    materials: z.array(AgentMaterial).max(60).default([]),
    note: multilineText(500).default(''),
  })
  .strict();
export type AgentEventPayload = z.infer<typeof AgentEventPayload>;

/** One request's line on a 移交清单: the batch it travels in and what the agent hands over. */
export const HandoverPayload = z
  .object({
    handoverId: NodeId,
    handedAt: z.string().min(1).max(40),
    /** How many requests the whole batch holds, so the hall can tell when the list is complete. */
    batchSize: z.number().int().min(1).max(500),
    materials: z.array(AgentMaterial.omit({ scans: true })).max(60),
  })
  .strict();
export type HandoverPayload = z.infer<typeof HandoverPayload>;

export const DELIVERY_METHODS = ['in-person', 'agent', 'post'] as const;

/** 送达: the result handed to the villager. */
export const DeliveryPayload = z
  .object({
    method: z.enum(DELIVERY_METHODS),
    deliveredAt: z.string().min(1).max(40),
    receiverName: PersonName,
    receiverSignature: Sha256Hex.nullish(),
  })
  .strict();
export type DeliveryPayload = z.infer<typeof DeliveryPayload>;

/** The villager's rating, taken by the agent (channel `agent`); one per stage, as at the hall. */
export const AgentRatingPayload = z
  .object({
    stage: z.enum(['accept', 'conclude']),
    level: z.number().int().min(1).max(5),
    indicators: z
      .object({ efficiency: z.number().int().min(1).max(5), skill: z.number().int().min(1).max(5), attitude: z.number().int().min(1).max(5) })
      .strict()
      .nullish(),
    comment: multilineText(500).default(''),
    ratedAt: z.string().min(1).max(40),
  })
  .strict();
export type AgentRatingPayload = z.infer<typeof AgentRatingPayload>;

export const VILLAGE_PAYLOADS = {
  'agent-request': AgentRequestPayload,
  'agent-event': AgentEventPayload,
  handover: HandoverPayload,
  delivery: DeliveryPayload,
  rating: AgentRatingPayload,
} as const satisfies Record<VillageRecordKind, z.ZodType>;

/** Every record names its request and its place (1, 2, 3… per request; seq 1 is the agent-request). */
export const VillageRecord = z
  .object({
    recordId: NodeId,
    kind: VillageRecordKind,
    requestId: NodeId,
    seq: z.number().int().min(1).max(10_000),
    occurredAt: z.string().min(1).max(40),
    payload: z.record(z.string(), z.unknown()),
  })
  .strict();
export type VillageRecord = z.infer<typeof VillageRecord>;

/** Records are parsed one by one so one bad record is `rejected` and the rest go on. */
export const VillageBatch = z
  .object({ nodeId: z.string().min(1).max(64), sentAt: z.string().min(1).max(40), records: z.array(z.unknown()).max(MAX_VILLAGE_BATCH_RECORDS) })
  .strict();
export type VillageBatch = z.infer<typeof VillageBatch>;

export const VillageBatchReply = z.object({ results: z.array(RecordResult) });
export type VillageBatchReply = z.infer<typeof VillageBatchReply>;

export const VILLAGE_CHANGE_KINDS = ['received', 'correction', 'accepted', 'rejected', 'decided', 'concluded', 'delivered-ack'] as const;
export const VillageChangeKind = z.enum(VILLAGE_CHANGE_KINDS);
export type VillageChangeKind = z.infer<typeof VillageChangeKind>;

/** What the hall tells the node about one request; payloads per kind below. */
export const VillageChange = z.object({
  requestId: NodeId,
  kind: VillageChangeKind,
  payload: z.record(z.string(), z.unknown()),
  cursor: z.string().min(1).max(40),
});
export type VillageChange = z.infer<typeof VillageChange>;

export const VillageChangesReply = z.object({ changes: z.array(VillageChange), next: z.string().min(1).max(40).nullable() });
export type VillageChangesReply = z.infer<typeof VillageChangesReply>;

/** The hall's receipt of one request's hand-over: counted materials, discrepancies noted. */
export const ReceivedChange = z.object({
  handoverId: NodeId.nullish(),
  receivedAt: z.string(),
  receivedBy: z.string(),
  discrepancies: z.array(z.object({ name: z.string(), expected: z.number().int(), counted: z.number().int(), note: z.string() })),
});
export const CorrectionChange = z.object({ caseNo: z.string(), materials: z.array(z.string()).min(1), note: z.string(), deadline: z.iso.date().nullish() });
export const AcceptedChange = z.object({ caseNo: z.string(), acceptedAt: z.string(), dueDate: z.iso.date().nullish() });
export const RejectedChange = z.object({ caseNo: z.string().nullish(), reasons: z.array(z.string()).min(1) });
export const DecidedChange = z.object({ caseNo: z.string(), decision: z.enum(['approved', 'denied']), decidedAt: z.string(), note: z.string().default('') });
export const ConcludedChange = z.object({ caseNo: z.string(), concludedAt: z.string() });
export const DeliveredAckChange = z.object({ deliveredAt: z.string() });

export const VILLAGE_CHANGE_PAYLOADS = {
  received: ReceivedChange,
  correction: CorrectionChange,
  accepted: AcceptedChange,
  rejected: RejectedChange,
  decided: DecidedChange,
  concluded: ConcludedChange,
  'delivered-ack': DeliveredAckChange,
} as const satisfies Record<VillageChangeKind, z.ZodType>;

/** GET /village/profile: who the node is at the hall — its agent and the agent's villages. */
export const VillageInfo = z.object({ code: DivisionCode, name: z.string(), gridPath: z.array(z.string()) });
export type VillageInfo = z.infer<typeof VillageInfo>;
export const VillageProfile = z.object({
  nodeId: z.string(),
  /** The device's name at the hall (东岭村代办点), printed on the 移交清单; '' from a hall before it was sent. */
  nodeName: z.string().default(''),
  hall: z.object({ name: z.string(), phone: z.string().nullable() }),
  agent: z.object({ id: z.number().int(), displayName: z.string() }),
  villages: z.array(VillageInfo),
});
export type VillageProfile = z.infer<typeof VillageProfile>;

/** GET /village/catalog?since=N: the whole catalogue when it changed after version N, else none. */
export const VillageCatalogQuery = z.object({ since: z.coerce.number().int().min(0).default(0) });
export const VillageCatalogReply = z.object({
  version: z.number().int().min(0),
  /** null when the node's version is current; otherwise every active item with its check-list. */
  items: z.array(z.record(z.string(), z.unknown())).nullable(),
});
export type VillageCatalogReply = z.infer<typeof VillageCatalogReply>;

/** The node's own health (DESIGN §9). */
export const VillageHealth = z.object({
  ok: z.boolean(),
  paired: z.boolean(),
  hallReachable: z.boolean(),
  lastContactAt: z.string().nullable(),
  pending: z.object({ records: z.number().int(), scans: z.number().int() }),
});
export type VillageHealth = z.infer<typeof VillageHealth>;

export const PairingRequest = z.object({ hallUrl: z.url().max(300), code: z.string().min(8).max(200) }).strict();
export type PairingRequest = z.infer<typeof PairingRequest>;

/** GET /api/v1/pairing on the node: whom it is paired with, or why it waits to be paired. */
export const PairingState = z.object({
  paired: z.boolean(),
  hallUrl: z.string().nullable(),
  hall: VillageProfile.shape.hall.nullable(),
  agent: VillageProfile.shape.agent.nullable(),
  villages: z.array(VillageInfo),
  pairedAt: z.string().nullable(),
  /** Set when the hall revoked this node and its records were wiped. */
  revokedAt: z.string().nullable(),
});
export type PairingState = z.infer<typeof PairingState>;
