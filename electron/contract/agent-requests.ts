// The hall's own screens for village agent service (DOMAIN §4): villages and their agents (admin),
// the 代办件 list, the receipt of a hand-over and the intake of a request (clerks). The node ⇄ hall
// wire format is village.ts; this file is what the staff app speaks. zod only.
import { z } from 'zod';
import { decimalInt } from './api.js';
import { PersonApplicant, ProvidedMaterial } from './cases.js';
import { lineText } from './text.js';
import { DivisionCode } from './village.js';

/** 片区 → 村/社区 → 网格: up to five levels of names. */
export const GridPath = z.array(lineText(50, 1)).max(5);

export const CreateVillageRequest = z.object({ code: DivisionCode, name: lineText(50, 1), grid: GridPath.default([]) }).strict();
export type CreateVillageRequest = z.infer<typeof CreateVillageRequest>;

export const UpdateVillageRequest = z
  .object({ name: lineText(50, 1).optional(), grid: GridPath.optional(), active: z.boolean().optional() })
  .strict();
export type UpdateVillageRequest = z.infer<typeof UpdateVillageRequest>;

export const VillageCodeParam = z.object({ code: DivisionCode });

export const VillageAgent = z.object({ id: z.number().int(), username: z.string(), displayName: z.string(), active: z.boolean() });
export type VillageAgent = z.infer<typeof VillageAgent>;

export const VillageView = z.object({
  code: DivisionCode,
  name: z.string(),
  grid: z.array(z.string()),
  active: z.boolean(),
  agents: z.array(VillageAgent),
});
export type VillageView = z.infer<typeof VillageView>;

export const VillageList = z.object({ rows: z.array(VillageView), agents: z.array(VillageAgent.extend({ villageCodes: z.array(z.string()) })) });
export type VillageList = z.infer<typeof VillageList>;

/** PUT /agents/:id/villages: the whole set of villages an agent serves. */
export const AgentVillagesRequest = z.object({ villageCodes: z.array(DivisionCode).max(50) }).strict();
export type AgentVillagesRequest = z.infer<typeof AgentVillagesRequest>;

export const AGENT_REQUEST_STATES = ['submitted', 'handed_over', 'received', 'in_case', 'suspended', 'terminated', 'delivered'] as const;
export const AgentRequestState = z.enum(AGENT_REQUEST_STATES);
export type AgentRequestState = z.infer<typeof AgentRequestState>;

export const AgentRequestListQuery = z.object({
  village: DivisionCode.optional(),
  state: AgentRequestState.optional(),
  offset: decimalInt(0, 1_000_000).default(0),
  limit: decimalInt(1, 200).default(50),
});
export type AgentRequestListQuery = z.infer<typeof AgentRequestListQuery>;

export const CountedMaterial = z.object({ name: z.string(), originals: z.number().int(), copies: z.number().int() });

/** One 代办件 as the list shows it; the applicant's name and numbers masked. */
export const AgentRequestSummary = z.object({
  id: z.number().int(),
  requestId: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  agentName: z.string(),
  applicantName: z.string(),
  idNumber: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  state: AgentRequestState,
  missing: z.array(z.string()),
  handoverId: z.string().nullable(),
  caseId: z.number().int().nullable(),
  caseNo: z.string().nullable(),
  caseStatus: z.string().nullable(),
  authorisedAt: z.string(),
  createdAt: z.string(),
});
export type AgentRequestSummary = z.infer<typeof AgentRequestSummary>;

export const AgentRequestList = z.object({ rows: z.array(AgentRequestSummary), total: z.number().int() });
export type AgentRequestList = z.infer<typeof AgentRequestList>;

export const Discrepancy = z.object({ name: z.string(), expected: z.number().int(), counted: z.number().int(), note: z.string() });

export const AgentRequestDetail = AgentRequestSummary.extend({
  mobile: z.string(),
  authorisation: z.object({ scope: z.string(), validFrom: z.string(), validUntil: z.string(), signatureKind: z.string(), authorisedAt: z.string() }),
  materials: z.array(CountedMaterial.extend({ scans: z.number().int() })),
  duplicateReason: z.string().nullable(),
  handover: z
    .object({ handoverId: z.string(), handedAt: z.string(), nodeName: z.string(), declared: z.array(CountedMaterial), counted: z.array(CountedMaterial).nullable(), discrepancies: z.array(Discrepancy).nullable(), receivedAt: z.string().nullable() })
    .nullable(),
  events: z.array(z.object({ action: z.string(), actorName: z.string(), at: z.string(), note: z.string() })),
});
export type AgentRequestDetail = z.infer<typeof AgentRequestDetail>;

/** The clerk counts what the agent handed over, material by material; a difference needs a note. */
export const ReceiveHandoverRequest = z
  .object({
    materials: z.array(z.object({ name: lineText(100, 1), originals: z.number().int().min(0).max(99), copies: z.number().int().min(0).max(99), note: lineText(200).default('') }).strict()).max(60),
  })
  .strict();
export type ReceiveHandoverRequest = z.infer<typeof ReceiveHandoverRequest>;

/** What the intake form is filled with: the applicant in full (the clerk holds the villager's papers). */
export const AgentRequestIntake = z.object({
  agentRequestId: z.number().int(),
  itemCode: z.string(),
  applicant: PersonApplicant,
  materials: z.array(ProvidedMaterial),
});
export type AgentRequestIntake = z.infer<typeof AgentRequestIntake>;
