// Typed calls of the queue API (electron/contract/queue.ts), on top of an ApiClient.
import { z } from 'zod';
import type { ApiClient } from './api-client';
import {
  AppointmentView,
  CategoryView,
  DailyFigures,
  IssuedTicket,
  PendingRating,
  QueueSettings,
  QueueState,
  RatingView,
  TicketView,
  WindowView,
  type CreateCategoryRequest,
  type CreateWindowRequest,
  type IssueTicketRequest,
  type RatingRequest,
  type TicketAction,
  type TransferTicketRequest,
  type UpdateCategoryRequest,
  type UpdateWindowRequest,
} from './queue-contract';

const Transferred = z.object({ from: TicketView, to: TicketView });
const Called = z.object({ ticket: TicketView.nullable() });

export function queueApi(api: ApiClient) {
  return {
    state: () => api.request('GET', '/queue/state', { schema: QueueState }),
    settings: () => api.request('GET', '/queue/settings', { schema: QueueSettings }),
    saveSettings: (body: QueueSettings) => api.request('PUT', '/queue/settings', { body, schema: QueueSettings }),
    categories: () => api.request('GET', '/queue/categories', { schema: z.array(CategoryView) }),
    createCategory: (body: Partial<CreateCategoryRequest> & Pick<CreateCategoryRequest, 'code' | 'name' | 'prefix'>) =>
      api.request('POST', '/queue/categories', { body, schema: CategoryView }),
    updateCategory: (code: string, body: UpdateCategoryRequest) =>
      api.request('PUT', `/queue/categories/${encodeURIComponent(code)}`, { body, schema: CategoryView }),
    windows: () => api.request('GET', '/windows', { schema: z.array(WindowView) }),
    createWindow: (body: Omit<CreateWindowRequest, 'ratingDeviceId'> & { ratingDeviceId?: number | null }) =>
      api.request('POST', '/windows', { body, schema: WindowView }),
    updateWindow: (id: number, body: UpdateWindowRequest) => api.request('PUT', `/windows/${id}`, { body, schema: WindowView }),
    windowAction: (id: number, action: 'sign-in' | 'pause' | 'resume' | 'sign-out') =>
      api.request('POST', `/windows/${id}/${action}`, { schema: WindowView }),
    /** Supervisor or admin: free a window its clerk cannot leave; its ticket goes back to the queue. */
    releaseWindow: (id: number) => api.request('POST', `/windows/${id}/release`, { schema: WindowView }),
    windowTickets: (id: number) => api.request('GET', `/windows/${id}/tickets`, { schema: z.array(TicketView) }),
    callNext: (windowId: number) => api.request('POST', `/windows/${windowId}/call-next`, { schema: Called }),
    issue: (body: IssueTicketRequest) => api.request('POST', '/queue/tickets', { body, schema: IssuedTicket }),
    ticketAction: (id: number, action: Exclude<TicketAction, 'transfer'>, body?: unknown) =>
      api.request('POST', `/queue/tickets/${id}/${action}`, { body, schema: TicketView }),
    transfer: (id: number, body: TransferTicketRequest) => api.request('POST', `/queue/tickets/${id}/transfer`, { body, schema: Transferred }),
    daily: (day?: string) => api.request('GET', `/queue/daily${day ? `?day=${day}` : ''}`, { schema: z.array(DailyFigures) }),
    appointments: (day?: string) => api.request('GET', `/appointments${day ? `?day=${day}` : ''}`, { schema: z.array(AppointmentView) }),
    createAppointment: (body: { categoryCode: string; day: string; name: string }) =>
      api.request('POST', '/appointments', { body, schema: AppointmentView }),
    rate: (body: RatingRequest) => api.request('POST', '/ratings', { body, schema: RatingView }),
    pendingRating: () => api.request('GET', '/ratings/pending', { schema: PendingRating }),
  };
}

export type QueueApi = ReturnType<typeof queueApi>;
