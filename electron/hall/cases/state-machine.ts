// The case state machine of DOMAIN §2, as data: which action leads from which state to which, and
// which role may take it. Everything not listed here is refused with a 409 that changes nothing.
import type { Role } from '../../contract/api.js';
import type { CaseAction, CaseStatus } from '../../contract/cases.js';

/**
 * "Any open state ─withdraw→": the applicant may withdraw the application until a decision is made
 * (行政许可法: an application is withdrawn before the decision); from `decided` on there is nothing
 * left to withdraw, and the end states are closed.
 */
export const WITHDRAWABLE: readonly CaseStatus[] = ['received', 'correction', 'accepted', 'in_review', 'paused', 'forwarded'];

const FROM: Record<Exclude<CaseAction, 'withdraw'>, Partial<Record<CaseStatus, CaseStatus>>> = {
  accept: { received: 'accepted' },
  'request-correction': { received: 'correction' },
  resubmit: { correction: 'received' },
  reject: { received: 'rejected' },
  assign: { accepted: 'in_review' },
  approve: { in_review: 'decided' },
  deny: { in_review: 'decided' },
  pause: { in_review: 'paused' },
  resume: { paused: 'in_review' },
  forward: { in_review: 'forwarded' },
  conclude: { decided: 'concluded' },
  deliver: { concluded: 'delivered' },
};

/** The state an action leads to from `status`, or null when the state machine does not allow it. */
export function nextStatus(status: CaseStatus, action: CaseAction): CaseStatus | null {
  if (action === 'withdraw') return WITHDRAWABLE.includes(status) ? 'withdrawn' : null;
  return FROM[action][status] ?? null;
}

/** Intake actions are the window's; review actions the back office's (the brief of issue 4). */
export const ACTION_ROLE: Record<CaseAction, Role> = {
  accept: 'clerk',
  'request-correction': 'clerk',
  resubmit: 'clerk',
  reject: 'clerk',
  deliver: 'clerk',
  withdraw: 'clerk',
  assign: 'backoffice',
  approve: 'backoffice',
  deny: 'backoffice',
  pause: 'backoffice',
  resume: 'backoffice',
  forward: 'backoffice',
  conclude: 'backoffice',
};

/** States whose promised time limit is running (accepted and not yet concluded, not paused). */
export const CLOCK_RUNNING: readonly CaseStatus[] = ['accepted', 'in_review', 'forwarded', 'decided'];
