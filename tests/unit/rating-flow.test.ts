import { describe, expect, it } from 'vitest';
import {
  completedForPad,
  IDLE,
  isBad,
  ratingDeadline,
  ratingReducer,
  ratingRequest,
  submitFailure,
  type RatedTicket,
  type RatingAction,
  type RatingPhase,
} from '../../renderer/rating/rating-flow';
import { ApiError } from '../../renderer/shared/api-error';

const A012: RatedTicket = { id: 12, number: 'A012', windowNumber: 1, clerkName: null, finishedAt: '2026-03-02T01:00:00.000Z' };
const A013: RatedTicket = { id: 13, number: 'A013', windowNumber: 1, clerkName: '王芳', finishedAt: '2026-03-02T01:10:00.000Z' };

const run = (actions: RatingAction[], from: RatingPhase = IDLE): RatingPhase => actions.reduce(ratingReducer, from);
const asking = (phase: RatingPhase) => {
  if (phase.name !== 'asking') throw new Error(`expected asking, got ${phase.name}`);
  return phase;
};

describe('rating flow', () => {
  it('idle → asking on a pending ticket → thanks after submit → idle', () => {
    let phase = run([{ type: 'pending', ticket: A012, deadline: 1000 }]);
    expect(asking(phase)).toMatchObject({ ticket: A012, deadline: 1000, level: null });
    phase = run([{ type: 'level', level: 5 }, { type: 'submit' }], phase);
    expect(asking(phase).submitting).toBe(true);
    phase = run([{ type: 'submitted' }], phase);
    expect(phase).toEqual({ name: 'thanks', ticketId: 12 });
    expect(run([{ type: 'finished' }], phase)).toEqual(IDLE);
  });

  it('cannot submit without a level, nor twice', () => {
    const phase = run([{ type: 'pending', ticket: A012 }, { type: 'submit' }]);
    expect(asking(phase).submitting).toBe(false);
    const sending = run([{ type: 'level', level: 3 }, { type: 'submit' }], phase);
    expect(run([{ type: 'submit' }], sending)).toBe(sending);
    // Nothing changes while the answer is on its way.
    expect(run([{ type: 'level', level: 1 }], sending)).toBe(sending);
  });

  it('the same ticket again (event, then the pending answer) keeps the choices and adds the clerk', () => {
    const phase = run([{ type: 'pending', ticket: A012 }, { type: 'level', level: 4 }, { type: 'pending', ticket: { ...A012, clerkName: '王芳' } }]);
    expect(asking(phase)).toMatchObject({ level: 4, ticket: { id: 12, clerkName: '王芳' } });
  });

  it('a newer ticket replaces one nobody has started rating; a started rating is kept', () => {
    expect(asking(run([{ type: 'pending', ticket: A012 }, { type: 'pending', ticket: A013 }])).ticket.id).toBe(13);
    expect(asking(run([{ type: 'pending', ticket: A012 }, { type: 'level', level: 2 }, { type: 'pending', ticket: A013 }])).ticket.id).toBe(12);
    expect(run([{ type: 'pending', ticket: A012 }, { type: 'pending', ticket: null }])).toEqual(IDLE);
    expect(asking(run([{ type: 'pending', ticket: A012 }, { type: 'level', level: 2 }, { type: 'pending', ticket: null }])).level).toBe(2);
  });

  it('after thanks, the rated ticket is not asked again but the next one is', () => {
    const thanks = run([{ type: 'pending', ticket: A012 }, { type: 'level', level: 5 }, { type: 'submit' }, { type: 'submitted' }]);
    expect(run([{ type: 'pending', ticket: A012 }], thanks)).toBe(thanks);
    expect(asking(run([{ type: 'pending', ticket: A013 }], thanks)).ticket.id).toBe(13);
  });

  it('an unreachable host keeps the level, indicators and comment for a retry', () => {
    const phase = run([
      { type: 'pending', ticket: A012 },
      { type: 'level', level: 1 },
      { type: 'indicator', indicator: 'attitude', value: 1 },
      { type: 'comment', text: '态度不好' },
      { type: 'submit' },
      { type: 'submitFailed', failure: 'unreachable' },
    ]);
    expect(asking(phase)).toMatchObject({ level: 1, indicators: { attitude: 1 }, comment: '态度不好', submitting: false, problem: 'unreachable' });
    expect(asking(run([{ type: 'submit' }], phase)).submitting).toBe(true);
  });

  it('already rated or too late (409/422) ends with the host message', () => {
    const phase = run([{ type: 'pending', ticket: A012 }, { type: 'level', level: 4 }, { type: 'submit' }, { type: 'submitFailed', failure: 'rejected', message: 'A012 号已经评价过了' }]);
    expect(phase).toEqual({ name: 'ended', ticketId: 12, message: 'A012 号已经评价过了' });
    expect(run([{ type: 'finished' }], phase)).toEqual(IDLE);
  });

  it('"already rated" after a lost answer counts as our own rating', () => {
    const phase = run([
      { type: 'pending', ticket: A012 },
      { type: 'level', level: 4 },
      { type: 'submit' },
      { type: 'submitFailed', failure: 'unreachable' },
      { type: 'submit' },
      { type: 'submitFailed', failure: 'rejected', message: 'A012 号已经评价过了' },
    ]);
    expect(phase).toEqual({ name: 'thanks', ticketId: 12 });
  });

  it('goes back to idle when the rating window passes, unless a submit is on its way', () => {
    expect(run([{ type: 'pending', ticket: A012 }, { type: 'level', level: 5 }, { type: 'expired' }])).toEqual(IDLE);
    const sending = run([{ type: 'pending', ticket: A012 }, { type: 'level', level: 5 }, { type: 'submit' }]);
    expect(run([{ type: 'expired' }], sending)).toBe(sending);
  });

  it('indicators toggle; quick reasons toggle in and out of the comment', () => {
    let phase = run([{ type: 'pending', ticket: A012 }, { type: 'level', level: 2 }]);
    phase = run([{ type: 'indicator', indicator: 'overall', value: 2 }, { type: 'indicator', indicator: 'skill', value: 3 }, { type: 'indicator', indicator: 'overall', value: 2 }], phase);
    expect(asking(phase).indicators).toEqual({ skill: 3 });
    phase = run([{ type: 'comment', text: '叫号太慢' }, { type: 'reason', text: '等候时间长', separator: '；' }, { type: 'reason', text: '办理慢', separator: '；' }], phase);
    expect(asking(phase).comment).toBe('叫号太慢；等候时间长；办理慢');
    phase = run([{ type: 'reason', text: '等候时间长', separator: '；' }], phase);
    expect(asking(phase).comment).toBe('叫号太慢；办理慢');
    expect(asking(run([{ type: 'reason', text: 'Slow service', separator: '; ' }, { type: 'reason', text: 'Long wait', separator: '; ' }], run([{ type: 'comment', text: '' }], phase))).comment).toBe('Slow service; Long wait');
  });
});

describe('ratingRequest', () => {
  it('sends only chosen indicators and a comment only with a bad rating', () => {
    const good = asking(run([{ type: 'pending', ticket: A012 }, { type: 'level', level: 5 }, { type: 'comment', text: '很好' }]));
    expect(ratingRequest(good)).toEqual({ ticketId: 12, level: 5 });
    const bad = asking(run([{ type: 'level', level: 1 }, { type: 'indicator', indicator: 'efficiency', value: 1 }], good));
    expect(ratingRequest(bad)).toEqual({ ticketId: 12, level: 1, indicators: { efficiency: 1 }, comment: '很好' });
    expect(ratingRequest(asking(run([{ type: 'pending', ticket: A012 }])))).toBeNull();
    expect([1, 2].every(isBad) && ![3, 4, 5].some(isBad)).toBe(true);
  });
});

describe('submitFailure', () => {
  it('tells unreachable, rejected (409/422) and other failures apart', () => {
    expect(submitFailure(new ApiError(0, 'unreachable', ''))).toBe('unreachable');
    expect(submitFailure(new ApiError(409, 'conflict', 'A012 号已经评价过了'))).toBe('rejected');
    expect(submitFailure(new ApiError(422, 'domain_rule', '已超过评价时限'))).toBe('rejected');
    expect(submitFailure(new ApiError(500, 'internal', ''))).toBe('failed');
    expect(submitFailure(new Error('x'))).toBe('failed');
  });
});

describe('ratingDeadline', () => {
  const finished = Date.parse(A012.finishedAt);
  it('counts the window from the finish', () => {
    expect(ratingDeadline(A012.finishedAt, 10, finished + 60_000)).toBe(finished + 10 * 60_000);
  });
  it("bounds the time already gone, whatever the pad's clock says", () => {
    // Pad clock behind the host: the full window from now.
    expect(ratingDeadline(A012.finishedAt, 10, finished - 30_000)).toBe(finished - 30_000 + 600_000);
    // Long past: due now.
    expect(ratingDeadline(A012.finishedAt, 10, finished + 3_600_000)).toBe(finished + 3_600_000);
    expect(ratingDeadline('not a time', 5, 1_000)).toBe(1_000 + 300_000);
  });
});

describe('completedForPad', () => {
  const data = { ticketId: 12, number: 'A012', windowNumber: 1, ratingDeviceId: 3, waiting: { A: 0 } };
  it("takes only this pad's completed tickets", () => {
    expect(completedForPad('ticket.completed', data, '2026-03-02T01:00:00.000Z', 3)).toEqual({ ...A012 });
    expect(completedForPad('ticket.completed', data, A012.finishedAt, 4)).toBeNull();
    expect(completedForPad('ticket.completed', { ...data, ratingDeviceId: null }, A012.finishedAt, 3)).toBeNull();
    expect(completedForPad('ticket.called', data, A012.finishedAt, 3)).toBeNull();
    expect(completedForPad('ticket.completed', data, A012.finishedAt, null)).toBeNull();
    expect(completedForPad('ticket.completed', { ...data, ticketId: '12' }, A012.finishedAt, 3)).toBeNull();
  });
});
