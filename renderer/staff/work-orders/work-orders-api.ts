// Typed calls of the bad-rating work orders (electron/contract/work-orders.ts).
import type { ApiClient } from '../../shared/api-client';
import {
  WorkOrderList,
  WorkOrderView,
  type AppealRequest,
  type CallbackRequest,
  type CloseRequest,
  type RectifyRequest,
  type ReviewRequest,
} from '../../../electron/contract/work-orders.js';

export type { WorkOrderView } from '../../../electron/contract/work-orders.js';
export { CALLBACK_METHODS } from '../../../electron/contract/work-orders.js';

export type WorkOrderListView = 'open' | 'closed' | 'all' | 'mine';

export function workOrdersApi(api: ApiClient) {
  const step = <B>(action: string) => (id: number, body: B) => api.request('POST', `/work-orders/${id}/${action}`, { body, schema: WorkOrderView });
  return {
    list: (view: WorkOrderListView) => api.request('GET', `/work-orders?view=${view}`, { schema: WorkOrderList }),
    get: (id: number) => api.request('GET', `/work-orders/${id}`, { schema: WorkOrderView }),
    callback: step<CallbackRequest>('callback'),
    rectify: step<RectifyRequest>('rectification'),
    close: step<CloseRequest>('close'),
    appeal: step<AppealRequest>('appeal'),
    review: step<ReviewRequest>('review'),
  };
}
