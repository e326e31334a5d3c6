// The kiosk's case rating as pure functions: the request it sends, what a failure means, the stages
// still offered, and the keys it builds from the stage names.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CASE_RATING_STAGES, type CaseLookupResponse } from '../../electron/contract/cases.js';
import { RatingRequest } from '../../electron/contract/queue.js';
import { FollowupRatingRequest } from '../../electron/contract/work-orders.js';
import { caseRatingOutcome, caseRatingReducer, caseRatingRequest, followupRequest, NEW_CASE_RATING, withoutStage, type CaseRatingAction } from '../../renderer/kiosk/lookup-rating-model';
import { ApiError } from '../../renderer/shared/api-error';

const run = (actions: CaseRatingAction[]) => actions.reduce(caseRatingReducer, NEW_CASE_RATING);

describe('kiosk case rating', () => {
  it('sends the case as proved (number, password), the stage, and only what was chosen', () => {
    expect(caseRatingRequest('320722100202603020001', '123456', 'accepted', NEW_CASE_RATING)).toBeNull();
    const good = run([{ type: 'level', level: 5 }, { type: 'comment', text: '很好' }]);
    const body = caseRatingRequest('320722100202603020001', '123456', 'accepted', good);
    expect(body).toEqual({ case: { caseNo: '320722100202603020001', password: '123456', stage: 'accepted' }, level: 5 });
    // What the host validates: the same contract.
    expect(RatingRequest.safeParse(body).success).toBe(true);
    const bad = run([{ type: 'level', level: 1 }, { type: 'indicator', indicator: 'attitude', value: 1 }, { type: 'reason', text: '办理慢', separator: '；' }]);
    expect(caseRatingRequest('320722100202603020001', '123456', 'concluded', bad)).toEqual({
      case: { caseNo: '320722100202603020001', password: '123456', stage: 'concluded' },
      level: 1,
      indicators: { attitude: 1 },
      comment: '办理慢',
    });
  });

  it('keeps the choice when the host is unreachable, and a lost answer followed by "already rated" is our own rating', () => {
    const sending = run([{ type: 'level', level: 4 }, { type: 'submit' }]);
    expect(sending.submitting).toBe(true);
    expect(caseRatingReducer(sending, { type: 'level', level: 1 })).toBe(sending);
    const lost = caseRatingReducer(sending, { type: 'unreachable' });
    expect(lost).toMatchObject({ level: 4, submitting: false, problem: 'unreachable', triedUnreachable: true });
    const conflict = new ApiError(409, 'conflict', '已经评价过了');
    expect(caseRatingOutcome(new ApiError(0, 'unreachable', ''), false, '')).toEqual({ kind: 'unreachable' });
    expect(caseRatingOutcome(conflict, lost.triedUnreachable, '已经评价过了')).toEqual({ kind: 'thanks' });
    expect(caseRatingOutcome(conflict, false, '已经评价过了')).toEqual({ kind: 'stageOver', message: '已经评价过了' });
    expect(caseRatingOutcome(new ApiError(422, 'domain_rule', '已超过评价期限'), false, '已超过评价期限')).toEqual({ kind: 'stageOver', message: '已超过评价期限' });
    // A changed password or too many tries: refused for now, the stage still on offer.
    expect(caseRatingOutcome(new ApiError(404, 'not_found', '受理编号或查询密码不正确'), false, 'x')).toEqual({ kind: 'refused', message: 'x' });
    expect(caseRatingOutcome(new ApiError(429, 'rate_limited', ''), true, 'y')).toEqual({ kind: 'refused', message: 'y' });
  });

  it('stops offering a stage once rated or over', () => {
    const result: CaseLookupResponse = {
      caseNo: '1', status: 'concluded', itemName: '居住证明', receivedDate: '2026-03-02', acceptedDate: '2026-03-02', dueDate: '2026-03-09',
      rateableStages: [{ stage: 'accepted', until: 'a' }, { stage: 'concluded', until: 'b' }],
      followupOpen: false,
    };
    expect(withoutStage(result, 'accepted').rateableStages).toEqual([{ stage: 'concluded', until: 'b' }]);
    expect(result.rateableStages).toHaveLength(2);
  });

  it('has the stage keys it builds, in every locale', () => {
    for (const lng of ['zh-CN', 'en']) {
      const tree = JSON.parse(readFileSync(new URL(`../../resources/locales/${lng}.json`, import.meta.url), 'utf8'));
      for (const stage of CASE_RATING_STAGES) {
        expect(typeof tree.kioskLookup.rating.rate[stage], `${lng} rate.${stage}`).toBe('string');
        expect(typeof tree.kioskLookup.rating.stage[stage], `${lng} stage.${stage}`).toBe('string');
      }
    }
  });

  it('sends the 追评 as the host takes it: the case, the level and, for a bad one, a one-line reason of at most 200 characters', () => {
    expect(followupRequest('320722100202603020001', '123456', NEW_CASE_RATING)).toBeNull();
    const good = followupRequest('320722100202603020001', '123456', { ...NEW_CASE_RATING, level: 4, indicators: { attitude: 5 }, comment: 'ignored' });
    expect(good).toEqual({ case: { caseNo: '320722100202603020001', password: '123456' }, level: 4 });
    const bad = followupRequest('320722100202603020001', '123456', { ...NEW_CASE_RATING, level: 1, comment: `还是没解决\n${'慢'.repeat(300)}` })!;
    expect(bad.comment).toHaveLength(200);
    expect(bad.comment!.startsWith('还是没解决 慢')).toBe(true);
    expect(FollowupRatingRequest.safeParse(bad).success).toBe(true);
    expect(FollowupRatingRequest.safeParse(good).success).toBe(true);
  });
});
