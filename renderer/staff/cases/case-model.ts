// What the back office may do with a case now, and how its time limit reads — pure, from the
// contract's state machine so the buttons match what the host allows.
import type { Role } from '../../shared/contract';
import { ACTION_ROLE, CASE_ACTIONS, nextStatus, type CaseAction, type CaseStatus, type CaseSummary } from './cases-contract';

/** The actions a user of `role` may take on a case in `status`, in the contract's order. */
export function legalActions(status: CaseStatus, role: Role): CaseAction[] {
  return CASE_ACTIONS.filter((action) => ACTION_ROLE[action] === role && nextStatus(status, action) !== null);
}

/** The actions this screen can carry out (intake ones need the check-list and belong to the intake screen). */
export const BACK_OFFICE_SCREEN_ACTIONS: readonly CaseAction[] = ['assign', 'approve', 'deny', 'pause', 'resume', 'forward', 'conclude', 'deliver', 'withdraw'];

/** Cannot be taken back: asked once more before they are sent. */
export const IRREVERSIBLE: readonly CaseAction[] = ['deny', 'withdraw'];

export const statusLabelKey = (status: string): string => `cases.status.${status}`;

export interface LimitText {
  level: 'none' | 'yellow' | 'red';
  /** i18n key under caseList.limit and its count. */
  key: 'overdue' | 'left' | 'dueToday' | 'stopped' | 'none';
  count: number;
}

/** The remaining-days cell: always words as well as a colour (the colour alone says nothing to some). */
export function limitText(c: Pick<CaseSummary, 'status' | 'remainingWorkingDays' | 'warning' | 'dueDate'>): LimitText {
  const days = c.remainingWorkingDays;
  if (days === null) return { level: 'none', key: c.status === 'paused' || c.status === 'correction' ? 'stopped' : 'none', count: 0 };
  if (days < 0) return { level: 'red', key: 'overdue', count: -days };
  if (days === 0) return { level: c.warning, key: 'dueToday', count: 0 };
  return { level: c.warning, key: 'left', count: days };
}

/**
 * The buttons for this case: the legal actions for the role, those this screen carries out, and
 * none the host would refuse for the item's level (the county decides county items; only they go up).
 */
export function offeredActions(c: { status: CaseStatus; handlingLevel: 'town' | 'county' }, role: Role): CaseAction[] {
  return legalActions(c.status, role).filter((action) => {
    if (!BACK_OFFICE_SCREEN_ACTIONS.includes(action)) return false;
    if (c.handlingLevel === 'county' && (action === 'approve' || action === 'deny')) return false;
    if (c.handlingLevel === 'town' && action === 'forward') return false;
    return true;
  });
}

/** Intake actions legal now that belong to the window's intake screen, not this one. */
export function intakeActionsNow(status: CaseStatus, role: Role): CaseAction[] {
  return legalActions(status, role).filter((action) => !BACK_OFFICE_SCREEN_ACTIONS.includes(action));
}

/** What each action asks for before it is sent. */
export interface ActionNeeds {
  /** A reason the host (pause) or the law (deny: 行政许可法 §38) requires. */
  reasonRequired: boolean;
  method: boolean;
  confirm: boolean;
}

export function actionNeeds(action: CaseAction): ActionNeeds {
  return {
    reasonRequired: action === 'pause' || action === 'deny' || action === 'withdraw',
    method: action === 'deliver',
    confirm: IRREVERSIBLE.includes(action),
  };
}

const OTHER_EVENTS = ['receive', 'county-decision', 'attach-scan'];

/** The i18n key of a timeline entry's action. */
export function eventLabelKey(action: string): string | null {
  if ((CASE_ACTIONS as readonly string[]).includes(action)) return `cases.action.${action}`;
  if (OTHER_EVENTS.includes(action)) return `caseDetail.event.${action}`;
  return null;
}
