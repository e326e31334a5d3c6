// Calls from the agent's page to its own village node (same origin): /api/v1/health, pairing and
// /api/v1/agent/*, with the node's access key when the page has one. Errors come back as the hall's
// ApiError so forms show them the same way.
import type {
  AgentDraft,
  AgentList,
  AgentRequestDetail,
  AgentRequestRow,
  AuthoriseRequest,
  CatalogItemView,
  CollectRequest,
  DeliveryRequest,
  HandoverView,
  RatingRequest,
  ResubmitRequest,
  SideStepRequest,
} from '../../electron/contract/agent-node.js';
import type { AgentMaterial, VillageHealth } from '../../electron/contract/village.js';
import { parseErrorResponse, unreachableError } from '../shared/api-error';
import { currentLanguage } from '../shared/i18n';
import { currentNodeKey } from './node-key';

const TIMEOUT_MS = 15_000;

/** A node on a LAN address asks other machines for its access key (node-key.ts); on this machine it is not needed but harmless. */
function headersFor(json: boolean): Record<string, string> {
  const key = currentNodeKey();
  return {
    'Accept-Language': currentLanguage(),
    ...(json ? { 'Content-Type': 'application/json' } : {}),
    ...(key ? { Authorization: `Bearer ${key}` } : {}),
  };
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers: headersFor(body !== undefined),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    throw unreachableError(cause);
  }
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) throw parseErrorResponse(response.status, data);
  return data as T;
}

const req = (id: string, step: string) => `/agent/requests/${encodeURIComponent(id)}/${step}`;

export const agentApi = {
  health: () => call<VillageHealth>('GET', '/health'),
  pair: (hallUrl: string, code: string) => call<unknown>('POST', '/pairing', { hallUrl, code }),
  syncNow: () => call<unknown>('POST', '/sync/now'),
  list: (list: AgentList) => call<{ requests: AgentRequestRow[] }>('GET', `/agent/requests?list=${list}`).then((r) => r.requests),
  counts: () => call<Record<AgentList, number>>('GET', '/agent/lists'),
  detail: (id: string) => call<AgentRequestDetail>('GET', `/agent/requests/${encodeURIComponent(id)}`),
  saveDraft: (id: string, draft: AgentDraft) => call<AgentRequestDetail>('PUT', req(id, 'draft'), draft),
  authorise: (id: string, body: AuthoriseRequest) => call<AgentRequestDetail>('POST', req(id, 'authorise'), body),
  saveMaterials: (id: string, materials: AgentMaterial[]) => call<AgentRequestDetail>('PUT', req(id, 'materials'), { materials }),
  collect: (id: string, body: CollectRequest) => call<AgentRequestDetail>('POST', req(id, 'collect'), body),
  handOver: (requestIds: string[]) => call<HandoverView>('POST', '/agent/handovers', { requestIds }),
  resubmit: (id: string, body: ResubmitRequest) => call<AgentRequestDetail>('POST', req(id, 'resubmit'), body),
  sideStep: (id: string, body: SideStepRequest) => call<AgentRequestDetail>('POST', req(id, 'side-step'), body),
  deliver: (id: string, body: DeliveryRequest) => call<AgentRequestDetail>('POST', req(id, 'delivery'), body),
  rate: (id: string, body: RatingRequest) => call<AgentRequestDetail>('POST', req(id, 'rating'), body),
  archive: (id: string) => call<AgentRequestDetail>('POST', req(id, 'archive')),
  catalog: (q: string) => call<{ items: CatalogItemView[] }>('GET', `/agent/catalog?q=${encodeURIComponent(q)}`).then((r) => r.items),
  villages: () => call<{ villages: { code: string; name: string }[] }>('GET', '/agent/villages').then((r) => r.villages),
  /** Keeps an image or PDF on the node; answers its SHA-256. */
  async storeScan(blob: Blob): Promise<string> {
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    const mediaType = blob.type === 'image/jpeg' || blob.type === 'application/pdf' ? blob.type : 'image/png';
    const r = await call<{ sha256: string }>('POST', '/agent/scans', { mediaType, base64: btoa(binary) });
    return r.sha256;
  },
};
