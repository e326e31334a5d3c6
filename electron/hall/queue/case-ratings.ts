// A case's rating (DOMAIN §3): the applicant rates each stage (受理 accepted, 办结 concluded) once,
// only after the case has reached it and within the period after (setting ratings.caseStageDays).
// The caller has already proved the citizen holds the case (number + query password, through the
// lookup's limiter); this file only judges the stage.
import type { Db } from '../../../db/connection.js';
import { all, get, sql } from '../../../db/sql.js';
import { CASE_RATING_STAGES, type CaseRatingStage } from '../../contract/cases.js';
import type { RatingView } from '../../contract/queue.js';
import type { Clock } from '../clock.js';
import { conflict, domainRule, notFound, type HallError } from '../http/errors.js';
import type { Actor } from '../http/principal.js';
import { getSetting } from '../settings/service.js';
import { storeRating, type RatedStaff, type RatingScores } from './ratings.js';

/** The parts of a case row a stage rating needs. */
export interface StagedCase {
  id: number;
  case_no: string;
  accepted_at: string | null;
  concluded_at: string | null;
}

/** When the case reached the stage, or null while it has not. */
export function stageReachedAt(c: StagedCase, stage: CaseRatingStage): string | null {
  return stage === 'accepted' ? c.accepted_at : c.concluded_at;
}

/** The last moment the stage may be rated: the period counted from when it was reached. */
export function stageRatingUntil(reachedAt: string, days: number): Date {
  return new Date(Date.parse(reachedAt) + days * 86_400_000);
}

/** The stages the kiosk may offer now: reached, not yet rated, inside the period. */
export function rateableStages(db: Db, clock: Clock, c: StagedCase): Array<{ stage: CaseRatingStage; until: string }> {
  const days = getSetting(db, 'ratings.caseStageDays');
  const now = clock.now().getTime();
  const rated = new Set(all<{ stage: string }>(db, sql`SELECT stage FROM ratings WHERE case_id = ${c.id} AND stage IS NOT NULL`).map((r) => r.stage));
  return CASE_RATING_STAGES.flatMap((stage) => {
    const reached = stageReachedAt(c, stage);
    if (reached === null || rated.has(stage)) return [];
    const until = stageRatingUntil(reached, days);
    return now <= until.getTime() ? [{ stage, until: until.toISOString() }] : [];
  });
}

/** Who served the citizen at that stage: the user who moved the case into it, else the receiving clerk. */
export function stageStaff(db: Db, caseId: number, stage: CaseRatingStage): RatedStaff {
  const row = get<{ id: number; username: string; display_name: string }>(
    db,
    sql`SELECT u.id, u.username, u.display_name FROM users u
        WHERE u.id = COALESCE(
          (SELECT e.actor_id FROM case_events e WHERE e.case_id = ${caseId} AND e.state_after = ${stage} AND e.actor_kind = 'user' ORDER BY e.seq DESC LIMIT 1),
          (SELECT c.clerk_id FROM cases c WHERE c.id = ${caseId}))`,
  );
  return { userId: row?.id ?? null, username: row?.username ?? null, displayName: row?.display_name ?? null, windowId: null, windowNumber: null };
}

/** Refusal codes of a stage rating; the village link names its own so the agent reads them as such. */
export interface StageRefusals {
  notReached: (caseNo: string, stage: CaseRatingStage) => HallError;
  rated: (caseNo: string, stage: CaseRatingStage) => HallError;
  tooLate: (days: number) => HallError;
}

const KIOSK_REFUSALS: StageRefusals = {
  notReached: (caseNo, stage) => conflict(stage === 'accepted' ? 'rating_case_not_accepted' : 'rating_case_not_concluded', { caseNo }),
  rated: (caseNo, stage) => conflict(stage === 'accepted' ? 'rating_case_accepted_rated' : 'rating_case_concluded_rated', { caseNo }),
  tooLate: (days) => domainRule('rating_case_too_late', { days }),
};

/**
 * The rule of DOMAIN §3 for one stage rated at `at`: the case has reached the stage, the stage is not
 * rated yet, and `at` is within ratings.caseStageDays of it. Throws the refusal; inside a transaction.
 */
export function checkStageRating(db: Db, c: StagedCase, stage: CaseRatingStage, at: Date, refusals: StageRefusals = KIOSK_REFUSALS): void {
  const reached = stageReachedAt(c, stage);
  if (reached === null) throw refusals.notReached(c.case_no, stage);
  if (get(db, sql`SELECT 1 FROM ratings WHERE case_id = ${c.id} AND stage = ${stage}`)) throw refusals.rated(c.case_no, stage);
  const days = getSetting(db, 'ratings.caseStageDays');
  if (at.getTime() > stageRatingUntil(reached, days).getTime()) throw refusals.tooLate(days);
}

/** The kiosk stores the applicant's rating of one stage of a case it has verified. */
export function rateCaseStage(db: Db, clock: Clock, kioskId: number, actor: Actor, caseId: number, stage: CaseRatingStage, scores: RatingScores): RatingView {
  return db
    .transaction((): RatingView => {
      const now = clock.now();
      // Read again inside the transaction: the case may have moved since the password was checked.
      const c = get<StagedCase>(db, sql`SELECT id, case_no, accepted_at, concluded_at FROM cases WHERE id = ${caseId}`);
      if (!c) throw notFound();
      checkStageRating(db, c, stage, now);
      return storeRating(db, now, actor, { ticket: null, case: { id: c.id, caseNo: c.case_no, stage }, channel: 'kiosk', deviceId: kioskId, staff: stageStaff(db, c.id, stage) }, scores);
    })
    .immediate();
}
