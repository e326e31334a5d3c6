// Every state × every action: the allowed moves are written out here from DOMAIN §2 by hand, not read
// from the implementation, so a move added or lost there fails this table.
import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS, CASE_STATUSES, type CaseAction, type CaseStatus } from '../../electron/contract/cases.js';
import { ACTION_ROLE, nextStatus } from '../../electron/hall/cases/state-machine.js';

const ALLOWED: Array<[CaseStatus, CaseAction, CaseStatus]> = [
  ['received', 'accept', 'accepted'],
  ['received', 'request-correction', 'correction'],
  ['correction', 'resubmit', 'received'],
  ['received', 'reject', 'rejected'],
  ['accepted', 'assign', 'in_review'],
  ['in_review', 'approve', 'decided'],
  ['in_review', 'deny', 'decided'],
  ['in_review', 'pause', 'paused'],
  ['paused', 'resume', 'in_review'],
  ['in_review', 'forward', 'forwarded'],
  ['decided', 'conclude', 'concluded'],
  ['concluded', 'deliver', 'delivered'],
  // Withdrawal: any state still open before a decision (see state-machine.ts for why not after).
  ['received', 'withdraw', 'withdrawn'],
  ['correction', 'withdraw', 'withdrawn'],
  ['accepted', 'withdraw', 'withdrawn'],
  ['in_review', 'withdraw', 'withdrawn'],
  ['paused', 'withdraw', 'withdrawn'],
  ['forwarded', 'withdraw', 'withdrawn'],
];

describe('case state machine', () => {
  it('has 11 states and 13 actions', () => {
    expect(CASE_STATUSES).toHaveLength(11);
    expect(CASE_ACTIONS).toHaveLength(13);
  });

  for (const status of CASE_STATUSES) {
    for (const action of CASE_ACTIONS) {
      const allowed = ALLOWED.find(([from, a]) => from === status && a === action);
      it(`${status} --${action}--> ${allowed ? allowed[2] : 'refused'}`, () => {
        expect(nextStatus(status, action)).toBe(allowed ? allowed[2] : null);
      });
    }
  }

  it('leaves the end states closed to every action', () => {
    for (const end of ['rejected', 'delivered', 'withdrawn'] as const) {
      expect(CASE_ACTIONS.filter((a) => nextStatus(end, a) !== null)).toEqual([]);
    }
  });

  it('gives intake actions to the window and review actions to the back office', () => {
    const clerk = CASE_ACTIONS.filter((a) => ACTION_ROLE[a] === 'clerk').sort();
    expect(clerk).toEqual(['accept', 'deliver', 'reject', 'request-correction', 'resubmit', 'withdraw']);
    const backoffice = CASE_ACTIONS.filter((a) => ACTION_ROLE[a] === 'backoffice').sort();
    expect(backoffice).toEqual(['approve', 'assign', 'conclude', 'deny', 'forward', 'pause', 'resume']);
  });
});
