// Village agent service at the hall: the admin's villages and agents, the clerks' 代办件 (and an
// agent's own, read-only), and the village nodes' link (node-routes.ts). Installs the case module's
// agent link so agent cases report back to their nodes.
import { IdParam } from '../../contract/api.js';
import {
  AgentRequestDetail,
  AgentRequestIntake,
  AgentRequestList,
  AgentRequestListQuery,
  AgentVillagesRequest,
  CreateVillageRequest,
  ReceiveHandoverRequest,
  UpdateVillageRequest,
  VillageCodeParam,
  VillageList,
  VillageView,
} from '../../contract/agent-requests.js';
import { z } from 'zod';
import { installAgentCaseLink } from '../cases/agent-link.js';
import type { HallContext } from '../context.js';
import { forbidden } from '../http/errors.js';
import type { Principal } from '../http/principal.js';
import { villageAgentCaseLink } from './agent-case-link.js';
import { agentRequestDetail, intakeOf, listAgentRequests, receiveHandover, type RequestScope } from './agent-request-store.js';
import { registerVillageNodeRoutes } from './node-routes.js';
import { createVillage, listVillages, setAgentVillages, updateVillage } from './village-store.js';

const ADMIN = ['admin'] as const;
const READERS = ['clerk', 'backoffice', 'supervisor', 'admin', 'agent'] as const;

function scopeOf(principal: Principal | null): RequestScope {
  if (principal?.kind !== 'user') throw forbidden();
  return principal.user.role === 'agent' ? { kind: 'agent', userId: principal.user.id } : { kind: 'all' };
}

export function registerVillageRoutes(hall: HallContext, dataDir: string | null): void {
  const { db, clock } = hall;
  installAgentCaseLink(db, villageAgentCaseLink(dataDir));

  hall.route({
    method: 'GET', url: '/villages', tag: 'villages', summary: 'Villages and communities with their agents; every agent with their villages', allow: ['admin', 'clerk', 'supervisor'],
    response: VillageList, handler: () => listVillages(db),
  });
  hall.route({
    method: 'POST', url: '/villages', tag: 'villages', summary: 'Add a village or community (12-digit division code, grid path)', allow: ADMIN,
    status: 201, body: CreateVillageRequest, response: VillageView, handler: ({ body, actor }) => createVillage(db, clock, actor, body),
  });
  hall.route({
    method: 'PATCH', url: '/villages/:code', tag: 'villages', summary: 'Rename, regrid, deactivate or reactivate a village', allow: ADMIN,
    params: VillageCodeParam, body: UpdateVillageRequest, response: VillageView, handler: ({ params, body, actor }) => updateVillage(db, clock, actor, params.code, body),
  });
  hall.route({
    method: 'PUT', url: '/agents/:id/villages', tag: 'villages', summary: 'The whole set of villages an agent serves', allow: ADMIN,
    params: IdParam, body: AgentVillagesRequest, response: z.object({ villageCodes: z.array(z.string()) }),
    handler: ({ params, body, actor }) => ({ villageCodes: setAgentVillages(db, clock, actor, params.id, body) }),
  });

  hall.route({
    method: 'GET', url: '/agent-requests', tag: 'agent-requests', summary: '代办件 by village and state (an agent sees their own villages only); personal data masked',
    allow: READERS, query: AgentRequestListQuery, response: AgentRequestList, handler: ({ query, principal }) => listAgentRequests(db, scopeOf(principal), query),
  });
  hall.route({
    method: 'GET', url: '/agent-requests/:id', tag: 'agent-requests', summary: 'One 代办件 with its authorisation, materials, hand-over and timeline',
    allow: READERS, params: IdParam, response: AgentRequestDetail, handler: ({ params, principal }) => agentRequestDetail(db, scopeOf(principal), params.id),
  });
  hall.route({
    method: 'POST', url: '/agent-requests/:id/receive', tag: 'agent-requests', summary: "Receive a request's hand-over: materials counted against the agent's list, differences noted",
    allow: ['clerk'], params: IdParam, body: ReceiveHandoverRequest, response: AgentRequestDetail,
    handler: ({ params, body, actor }) => receiveHandover(db, clock, actor, params.id, body),
  });
  hall.route({
    method: 'POST', url: '/agent-requests/:id/intake', tag: 'agent-requests', summary: 'What the intake form is filled with for a received request (applicant in full; audited)',
    allow: ['clerk'], params: IdParam, response: AgentRequestIntake, handler: ({ params, actor }) => intakeOf(db, clock, actor, params.id),
  });

  registerVillageNodeRoutes(hall, dataDir);
}
