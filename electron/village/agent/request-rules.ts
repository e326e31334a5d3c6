// The rules of a 代办 request on the node (DOMAIN §4), pure: which step the agent may take in which
// state, what a change from the hall moves it to, which of the agent's lists it belongs on.
import type { AgentList, AgentState } from '../../contract/agent-node.js';
import type { VillageChangeKind } from '../../contract/village.js';
import { addWorkingDays, type WorkingCalendar } from '../../hall/calendar/working-days.js';

export type AgentAction = 'authorise' | 'collect' | 'handover' | 'resubmit' | 'suspend' | 'resume' | 'terminate' | 'deliver' | 'archive';

/** The states each of the agent's own steps starts from. */
const FROM: Record<AgentAction, readonly AgentState[]> = {
  authorise: ['draft'],
  collect: ['authorised'],
  handover: ['collected'],
  resubmit: ['correction'],
  suspend: ['authorised', 'collected', 'handed-over', 'correction', 'accepted'],
  resume: ['suspended'],
  terminate: ['draft', 'authorised', 'collected', 'handed-over', 'correction', 'accepted', 'suspended'],
  deliver: ['decided', 'concluded', 'rejected'],
  archive: ['delivered'],
};

const TO: Record<Exclude<AgentAction, 'resume'>, AgentState> = {
  authorise: 'authorised',
  collect: 'collected',
  handover: 'handed-over',
  resubmit: 'handed-over',
  suspend: 'suspended',
  terminate: 'terminated',
  deliver: 'delivered',
  archive: 'archived',
};

export function mayTake(state: AgentState, action: AgentAction): boolean {
  return FROM[action].includes(state);
}

/** The state after a step; resume returns to where the request was suspended from. */
export function stateAfter(state: AgentState, action: AgentAction, suspendedFrom: AgentState | null): AgentState | null {
  if (!mayTake(state, action)) return null;
  if (action === 'resume') return suspendedFrom ?? 'authorised';
  return TO[action];
}

/** States the hall's case can still move (a suspended or terminated request keeps its place). */
const HALL_MOVES: Record<VillageChangeKind, { from: readonly AgentState[]; to: AgentState } | null> = {
  received: null,
  correction: { from: ['handed-over', 'accepted', 'correction'], to: 'correction' },
  accepted: { from: ['handed-over', 'correction'], to: 'accepted' },
  rejected: { from: ['handed-over', 'correction', 'accepted'], to: 'rejected' },
  decided: { from: ['handed-over', 'correction', 'accepted'], to: 'decided' },
  concluded: { from: ['handed-over', 'correction', 'accepted', 'decided'], to: 'concluded' },
  'delivered-ack': null,
};

/**
 * The node state after a hall change, or null when the state stays (the facts are kept anyway):
 * a change that arrives for a request already past that point does not move it back.
 */
export function stateAfterChange(state: AgentState, kind: VillageChangeKind): AgentState | null {
  const move = HALL_MOVES[kind];
  if (!move || !move.from.includes(state)) return null;
  return move.to === state ? null : move.to;
}

/** States in which the request is open: a second one for the same villager and item is warned of. */
export const OPEN_STATES: readonly AgentState[] = ['authorised', 'collected', 'handed-over', 'correction', 'accepted', 'decided', 'suspended'];

export function isOpen(state: AgentState): boolean {
  return OPEN_STATES.includes(state);
}

/** The last day materials may reach the hall: the 委托 day does not count (as halls count limits). */
export function handoverDue(calendar: WorkingCalendar, authorisedDate: string, workingDays: number): string {
  return addWorkingDays(calendar, authorisedDate, workingDays);
}

/** Late when not handed over by the end of the due day (or handed over after it). */
export function isHandoverLate(due: string | null, handedOverDate: string | null, today: string): boolean {
  if (!due) return false;
  return (handedOverDate ?? today) > due;
}

const LIST_STATES: Record<Exclude<AgentList, 'overdue'>, readonly AgentState[]> = {
  drafts: ['draft'],
  waiting: ['authorised', 'collected'],
  correction: ['correction'],
  'in-progress': ['handed-over', 'accepted', 'suspended'],
  ready: ['decided', 'concluded', 'rejected'],
  delivered: ['delivered', 'archived'],
};

/** Whether a request belongs on a list; overdue = still at the village past its hand-over day. */
export function onList(list: AgentList, state: AgentState, late: boolean): boolean {
  if (list === 'overdue') return late && (state === 'authorised' || state === 'collected');
  return LIST_STATES[list].includes(state);
}

/** 110105********002X: the region and the last four, never the birth date. */
export function maskResidentId(id: string): string {
  if (id.length < 10) return id ? '*'.repeat(id.length) : '';
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}
