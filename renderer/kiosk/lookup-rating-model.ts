// Rating a case at the kiosk (DOMAIN §3) as pure functions: the applicant who has just looked the case
// up rates a stage it has reached (受理, 办结), once, inside the period. The host checks all of it
// again; the kiosk only offers what the lookup said may be rated.
import type { CaseLookupResponse, CaseRatingStage } from '../../electron/contract/cases.js';
import type { FollowupRatingRequest } from '../../electron/contract/work-orders.js';
import type { RatingRequest } from '../shared/queue-contract';
import { choose, NO_CHOICE, ratingScores, submitFailure, type ChoiceAction, type RatingChoice } from '../rating/rating-flow';

export interface CaseRatingState extends RatingChoice {
  /** A submit may have reached the host before the connection broke. */
  triedUnreachable: boolean;
}

export const NEW_CASE_RATING: CaseRatingState = { ...NO_CHOICE, triedUnreachable: false };

export type CaseRatingAction = ChoiceAction | { type: 'unreachable' } | { type: 'failed' };

export function caseRatingReducer(state: CaseRatingState, action: CaseRatingAction): CaseRatingState {
  if (action.type === 'unreachable') return { ...state, submitting: false, problem: 'unreachable', triedUnreachable: true };
  if (action.type === 'failed') return { ...state, submitting: false, problem: 'failed' };
  return choose(state, action);
}

/**
 * The 追评 (DOMAIN §3): after the hall has called back about the citizen's bad rating of the case, one
 * follow-up level and, for a bad one, a short reason (one line, as the host keeps it).
 */
export function followupRequest(caseNo: string, password: string, choice: RatingChoice): FollowupRatingRequest | null {
  const scores = ratingScores(choice);
  if (!scores) return null;
  const comment = (scores.comment ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
  return { case: { caseNo, password }, level: scores.level, ...(comment ? { comment } : {}) };
}

/** The request: the case as the citizen proved it (number and query password), the stage, the scores. */
export function caseRatingRequest(caseNo: string, password: string, stage: CaseRatingStage, choice: RatingChoice): RatingRequest | null {
  const scores = ratingScores(choice);
  return scores ? { case: { caseNo, password, stage }, ...scores } : null;
}

/**
 * What a failed submit means. Unreachable: keep everything for another try. Already rated, not
 * reached or too late (409/422): the stage is over — unless an earlier try lost its answer, when
 * "already rated" is our own rating. Anything else (a changed password, too many tries): the host's
 * message, the stage still offered.
 */
export type CaseRatingOutcome = { kind: 'unreachable' } | { kind: 'thanks' } | { kind: 'stageOver'; message: string } | { kind: 'refused'; message: string };

export function caseRatingOutcome(error: unknown, triedUnreachable: boolean, message: string): CaseRatingOutcome {
  const failure = submitFailure(error);
  if (failure === 'unreachable') return { kind: 'unreachable' };
  if (failure === 'rejected') return triedUnreachable ? { kind: 'thanks' } : { kind: 'stageOver', message };
  return { kind: 'refused', message };
}

/** The lookup result once a stage has been rated or is over: no longer offered. */
export function withoutStage(result: CaseLookupResponse, stage: CaseRatingStage): CaseLookupResponse {
  return { ...result, rateableStages: result.rateableStages.filter((s) => s.stage !== stage) };
}
