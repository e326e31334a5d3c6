// Typed calls of the calendar API (electron/contract/calendar.ts), on top of an ApiClient.
import type { ApiClient } from '../../shared/api-client';
import {
  CalendarDayView,
  CalendarSettings,
  CalendarYearView,
  WorkingDaysView,
  type PutCalendarDayRequest,
} from '../../../electron/contract/calendar.js';

export function calendarApi(api: ApiClient) {
  return {
    year: (year: number) => api.request('GET', `/calendar?year=${year}`, { schema: CalendarYearView }),
    putDay: (date: string, body: PutCalendarDayRequest) => api.request('PUT', `/calendar/days/${date}`, { body, schema: CalendarDayView }),
    clearDay: (date: string) => api.request<void>('DELETE', `/calendar/days/${date}`),
    confirmYear: (year: number, source: string) => api.request('PUT', `/calendar/years/${year}`, { body: { source }, schema: CalendarYearView }),
    dueDate: (from: string, n: number) => api.request('GET', `/calendar/working-days?from=${from}&n=${n}`, { schema: WorkingDaysView }),
    settings: () => api.request('GET', '/calendar/settings', { schema: CalendarSettings }),
    saveSettings: (body: CalendarSettings) => api.request('PUT', '/calendar/settings', { body, schema: CalendarSettings }),
  };
}
export type CalendarApi = ReturnType<typeof calendarApi>;
