// What the kiosk shows, as pure functions of the queue state, the connection and the host's events,
// so the rules a citizen meets (closed, sold out, host away, priority) are tested without a browser.
import type { HallEvent } from '../shared/contract';
import type { ConnectionState } from '../shared/events-socket';
import { PRIORITY_KINDS, type PriorityKind, type QueueState } from '../shared/queue-contract';

export type KioskCategory = QueueState['categories'][number];

/** The kinds a citizen may choose at the kiosk; appointments come through check-in instead. */
export type KioskPriority = Exclude<PriorityKind, 'appointment'>;
export const KIOSK_PRIORITIES = PRIORITY_KINDS.filter((kind): kind is KioskPriority => kind !== 'appointment');

const TICKET_EVENTS = new Set(['ticket.issued', 'ticket.called', 'ticket.updated', 'ticket.completed']);

/** The waiting count per category that every ticket event carries; null for any other event. */
export function waitingFromEvent(event: HallEvent): Record<string, number> | null {
  if (!TICKET_EVENTS.has(event.type)) return null;
  const data = event.data;
  if (data === null || typeof data !== 'object') return null;
  const waiting = (data as { waiting?: unknown }).waiting;
  if (waiting === null || typeof waiting !== 'object' || Array.isArray(waiting)) return null;
  const counts: Record<string, number> = {};
  for (const [code, value] of Object.entries(waiting)) {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) counts[code] = value;
  }
  return counts;
}

/**
 * The categories with the event's waiting counts; a category the event does not name keeps its
 * count. Returns the same array when nothing changed, so React skips the render.
 */
export function mergeWaiting(categories: KioskCategory[], waiting: Record<string, number>): KioskCategory[] {
  let changed = false;
  const merged = categories.map((category) => {
    const count = waiting[category.code];
    if (count === undefined || count === category.waiting) return category;
    changed = true;
    return { ...category, waiting: count };
  });
  return changed ? merged : categories;
}

export interface KioskConditions {
  connection: ConnectionState;
  /** The events socket has been open at least once since the page started. */
  everConnected: boolean;
  /** The last call to the host found nobody there. */
  requestUnreachable: boolean;
  state: QueueState | null;
}

export type StartView = 'loading' | 'unreachable' | 'closed' | 'noCategories' | 'categories';

/**
 * Which start screen to show. The very first "connecting" is loading, not an outage: the socket
 * starts that way on every page load. After that, anything but an open socket means the host is away.
 */
export function startView({ connection, everConnected, requestUnreachable, state }: KioskConditions): StartView {
  if (requestUnreachable || connection === 'closed' || (connection === 'connecting' && everConnected)) return 'unreachable';
  if (!state || connection !== 'open') return 'loading';
  if (!state.open) return 'closed';
  if (state.categories.length === 0) return 'noCategories';
  return 'categories';
}

/** Whether the host can take a ticket request right now (every ticket button is disabled otherwise). */
export function canIssue(conditions: KioskConditions): boolean {
  return startView(conditions) === 'categories';
}

/** The categories a priority ticket may be taken for: allowed by the hall and not sold out today. */
export function priorityCategories(categories: KioskCategory[]): KioskCategory[] {
  return categories.filter((category) => category.priorityAllowed && !category.soldOut);
}

/** The "优先办理" button is offered only when at least one category would accept the ticket. */
export function priorityOffered(categories: KioskCategory[]): boolean {
  return priorityCategories(categories).length > 0;
}

export const APPOINTMENT_CODE_LENGTH = 6;
export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'back' | 'clear';

/** The appointment code after one key of the keypad: digits up to six, back, clear. */
export function pressKey(code: string, key: KeypadKey): string {
  if (key === 'clear') return '';
  if (key === 'back') return code.slice(0, -1);
  return code.length >= APPOINTMENT_CODE_LENGTH ? code : code + key;
}

export function appointmentCodeComplete(code: string): boolean {
  return new RegExp(`^\\d{${APPOINTMENT_CODE_LENGTH}}$`).test(code);
}
