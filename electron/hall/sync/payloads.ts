// The county records the queue produces (DOMAIN §5): what a rating and a closed queue day carry.
// Built here so the upload format lives in one place; called inside the queue's own transactions.
import type { Db } from '../../../db/connection.js';
import type { CaseRatingStage } from '../../contract/cases.js';
import type { RatingChannel } from '../../contract/queue.js';
import { hallTime } from './hall-time.js';
import { enqueueRecord } from './outbox.js';

export interface RatingRecordInput {
  ratingId: number;
  level: number;
  indicators: Record<string, number>;
  comment: string | null;
  /** pad, kiosk or agent: who rated (DOMAIN §3). */
  channel: RatingChannel;
  ratedAt: Date;
  ticketNumber: string | null;
  caseId: number | null;
  /** For a case's rating: its number and the stage rated (accepted, concluded). Added fields; the contract only grows. */
  caseNo: string | null;
  stage: CaseRatingStage | null;
  /** The clerk rated and the window; never anything about the citizen who rated. */
  staff: { username: string | null; displayName: string | null; windowNumber: number | null } | null;
}

export function enqueueRatingRecord(db: Db, r: RatingRecordInput): string {
  return enqueueRecord(db, {
    kind: 'rating',
    occurredAt: hallTime(r.ratedAt),
    payload: {
      ratingId: r.ratingId,
      level: r.level,
      bad: r.level <= 2,
      indicators: r.indicators,
      comment: r.comment,
      channel: r.channel,
      ratedAt: hallTime(r.ratedAt),
      ticketNumber: r.ticketNumber,
      caseId: r.caseId,
      caseNo: r.caseNo,
      stage: r.stage,
      staff: r.staff,
    },
  });
}

export interface CategoryDayFigures {
  code: string;
  name: string;
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  expired: number;
  avgWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  avgServiceMinutes: number | null;
  p90ServiceMinutes: number | null;
}

/** One record per closed day; a day closed again (late tickets) sends a newer record that supersedes it. */
export function enqueueQueueDailyRecord(db: Db, businessDay: string, closedAt: Date, categories: readonly CategoryDayFigures[]): string {
  return enqueueRecord(db, {
    kind: 'queue-daily',
    occurredAt: hallTime(closedAt),
    payload: { businessDay, closedAt: hallTime(closedAt), categories },
  });
}

export interface RatingFollowupRecordInput {
  workOrderId: number;
  ratingId: number;
  outcome: 'rectified' | 'answered' | 'appeal-upheld';
  closedAt: Date;
  callback: { contacted: boolean; contactAt: string; method: string; answer: string } | null;
  rectification: { found: string; done: string } | null;
  followupLevel: number | null;
  appeal: { decision: 'upheld' | 'rejected' | null; reason: string; decisionReason: string | null } | null;
}

/** A closed bad-rating work order and its outcome (kind `rating-followup`, DOMAIN §3); the rating went up as `rating`. */
export function enqueueRatingFollowupRecord(db: Db, r: RatingFollowupRecordInput): string {
  return enqueueRecord(db, {
    kind: 'rating-followup',
    occurredAt: hallTime(r.closedAt),
    payload: {
      workOrderId: r.workOrderId,
      ratingId: r.ratingId,
      outcome: r.outcome,
      closedAt: hallTime(r.closedAt),
      callback: r.callback,
      rectification: r.rectification,
      followupLevel: r.followupLevel,
      appeal: r.appeal,
    },
  });
}
