// The agent's routes on the village node (/api/v1/agent/*): every body checked with the node's
// contract (a bad field → 400 naming it), the work done by the synchronous service functions.
import { z } from 'zod';
import type { Db } from '../../../db/connection.js';
import {
  AgentDraft,
  AuthoriseRequest,
  CatalogQuery,
  CollectRequest,
  DeliveryRequest,
  HandoverRequest,
  ListQuery,
  MAX_AGENT_SCAN_BYTES,
  MaterialsRequest,
  RatingRequest,
  RequestIdParams,
  ResubmitRequest,
  ScanUpload,
  SideStepRequest,
} from '../../contract/agent-node.js';
import { dateIn } from '../../contract/identity.js';
import { validationError } from '../../hall/http/errors.js';
import type { Allow } from '../../hall/http/principal.js';
import type { RouteSpec } from '../../hall/http/route.js';
import type { AgentDeps } from './agent-deps.js';
import { listCounts, listRequests, searchCatalog } from './agent-lists.js';
import { requestDetail } from './agent-store.js';
import { handOver, handoverView } from './handover-service.js';
import { archive, deliver, rate, resubmit, sideStep } from './progress-service.js';
import { authorise, collect, saveDraft, saveMaterials } from './request-service.js';

export interface AgentRouteHost {
  db: Db;
  deps: AgentDeps;
  /** Who may call: the node decides (its own agent on this machine). */
  allow: Allow;
  /** Registers one route in the node's route table. */
  add(spec: RouteSpec): void;
  /** Keeps a scan in the node's data folder (written aside, then renamed); returns its SHA-256. */
  storeScan(bytes: Buffer): string | Promise<string>;
}

const HandoverParams = z.object({ id: z.uuid() }).strict();

export function registerAgentRoutes(host: AgentRouteHost): void {
  const { db, deps, allow } = host;
  const today = () => dateIn(deps.clock.now(), deps.timeZone);
  const add = <B, P, Q>(spec: Omit<RouteSpec<B, P, Q>, 'allow' | 'tag'>) => host.add({ ...spec, allow, tag: 'agent' } as RouteSpec);
  const detail = (id: string) => requestDetail(db, id, today());

  add({ method: 'GET', url: '/agent/requests', summary: 'One of the agent\'s lists', query: ListQuery, handler: ({ query }) => ({ requests: listRequests(db, deps, query.list) }) });
  add({ method: 'GET', url: '/agent/lists', summary: 'How many requests each list holds', handler: () => listCounts(db, deps) });
  add({ method: 'GET', url: '/agent/requests/:id', summary: 'One request with its materials and the hall\'s word', params: RequestIdParams, handler: ({ params }) => detail(params.id) });
  add({
    method: 'PUT',
    url: '/agent/requests/:id/draft',
    summary: 'Saves what the agent typed (created on first save)',
    params: RequestIdParams,
    body: AgentDraft,
    handler: ({ params, body }) => {
      saveDraft(db, deps, params.id, body);
      return detail(params.id);
    },
  });
  add({
    method: 'POST',
    url: '/agent/requests/:id/authorise',
    summary: '委托: the villager\'s checked authorisation',
    params: RequestIdParams,
    body: AuthoriseRequest,
    handler: ({ params, body }) => {
      authorise(db, deps, params.id, body);
      return detail(params.id);
    },
  });
  add({
    method: 'PUT',
    url: '/agent/requests/:id/materials',
    summary: 'Saves the counted materials before 收件 is confirmed',
    params: RequestIdParams,
    body: MaterialsRequest,
    handler: ({ params, body }) => {
      saveMaterials(db, deps, params.id, body.materials);
      return detail(params.id);
    },
  });
  add({
    method: 'POST',
    url: '/agent/requests/:id/collect',
    summary: '收件: materials collected; the request goes to the outbox',
    params: RequestIdParams,
    body: CollectRequest,
    handler: ({ params, body }) => {
      collect(db, deps, params.id, body);
      return detail(params.id);
    },
  });
  add({
    method: 'POST',
    url: '/agent/handovers',
    summary: '移交: a batch of collected requests handed to the hall',
    body: HandoverRequest,
    status: 201,
    handler: ({ body }) => handOver(db, deps, body.requestIds),
  });
  add({ method: 'GET', url: '/agent/handovers/:id', summary: 'A 移交清单 for printing', params: HandoverParams, handler: ({ params }) => handoverView(db, deps, params.id) });
  const stepRoute = <B>(url: string, summary: string, body: z.ZodType<B> | undefined, run: (id: string, b: B) => void) =>
    add({
      method: 'POST',
      url: `/agent/requests/:id/${url}`,
      summary,
      params: RequestIdParams,
      ...(body ? { body } : {}),
      handler: ({ params, body: b }: { params: { id: string }; body: B }) => {
        run(params.id, b);
        return detail(params.id);
      },
    });
  stepRoute('resubmit', 'Materials supplied for the hall\'s correction', ResubmitRequest, (id, b) => resubmit(db, deps, id, b));
  stepRoute('side-step', '中止 / 续办 / 终止', SideStepRequest, (id, b) => sideStep(db, deps, id, b));
  stepRoute('delivery', '送达: the result handed to the villager', DeliveryRequest, (id, b) => deliver(db, deps, id, b));
  stepRoute('rating', 'The villager\'s rating, taken by the agent', RatingRequest, (id, b) => rate(db, deps, id, b));
  stepRoute<undefined>('archive', '归档', undefined, (id) => archive(db, deps, id));
  add({ method: 'GET', url: '/agent/catalog', summary: 'The mirrored catalogue, searched offline', query: CatalogQuery, handler: ({ query }) => ({ items: searchCatalog(db, deps, query.q) }) });
  add({ method: 'GET', url: '/agent/villages', summary: 'The villages this node\'s agent serves', handler: () => ({ villages: deps.villages(db) }) });
  add({
    method: 'POST',
    url: '/agent/scans',
    summary: 'Keeps a scan, photo or signature image; answers its SHA-256',
    body: ScanUpload,
    bodyLimit: Math.ceil((MAX_AGENT_SCAN_BYTES * 4) / 3) + 4096,
    status: 201,
    handler: async ({ body }) => {
      const bytes = Buffer.from(body.base64, 'base64');
      if (bytes.length === 0 || bytes.length > MAX_AGENT_SCAN_BYTES) throw validationError([{ field: 'base64', code: 'too_big' }]);
      return { sha256: await host.storeScan(bytes) };
    },
  });
}
