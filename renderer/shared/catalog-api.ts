// Typed calls of the catalogue API (electron/contract/catalog.ts), on top of an ApiClient.
import { z } from 'zod';
import type { ApiClient } from './api-client';
import { ImportResult, Item, ItemSummary, type ImportRequest, type ItemInput, type ItemType } from './catalog-contract';

export interface ItemQuery {
  q?: string;
  type?: ItemType;
  active?: boolean;
}

function queryString(query: ItemQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.type) params.set('type', query.type);
  if (query.active !== undefined) params.set('active', String(query.active));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function catalogApi(api: ApiClient) {
  return {
    list: (query: ItemQuery = {}) => api.request('GET', `/items${queryString(query)}`, { schema: z.array(ItemSummary) }),
    get: (code: string) => api.request('GET', `/items/${encodeURIComponent(code)}`, { schema: Item }),
    create: (body: ItemInput) => api.request('POST', '/items', { body, schema: Item }),
    update: (code: string, body: Omit<ItemInput, 'code'>) => api.request('PUT', `/items/${encodeURIComponent(code)}`, { body, schema: Item }),
    importFile: (body: ImportRequest) => api.request('POST', '/items/import', { body, schema: ImportResult }),
    exportFile: (format: 'json' | 'xlsx') => api.download(`/items/export?format=${format}`),
  };
}

export type CatalogApi = ReturnType<typeof catalogApi>;
