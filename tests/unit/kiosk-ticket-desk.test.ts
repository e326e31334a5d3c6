import { describe, expect, it } from 'vitest';
import { issueProblem, TicketDesk, type TicketDeskHooks } from '../../renderer/kiosk/ticket-desk';
import { ApiError } from '../../renderer/shared/api-error';
import type { IssuedTicket } from '../../renderer/shared/queue-contract';

const ticket: IssuedTicket = {
  id: 7,
  number: 'A012',
  categoryCode: 'A',
  categoryName: '社保医保',
  priority: null,
  ahead: 3,
  estimatedWaitMinutes: 12,
  businessDay: '2026-03-02',
  issuedAt: '2026-03-02T01:00:00.000Z',
  hallName: '安峰镇便民服务中心',
  guideUrl: 'http://127.0.0.1:8652/kiosk',
};

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function desk(clock = { now: 0 }) {
  let keys = 0;
  const log: string[] = [];
  const answers: Array<ReturnType<typeof deferred<IssuedTicket>>> = [];
  const hooks: TicketDeskHooks = {
    issue: (request) => {
      log.push(`issue ${JSON.stringify(request)}`);
      const answer = deferred<IssuedTicket>();
      answers.push(answer);
      return answer.promise;
    },
    onBusy: (busy) => log.push(`busy ${busy}`),
    onIssued: (t) => log.push(`issued ${t.number}`),
    onFailed: (error) => log.push(`failed ${(error as Error).message}`),
  };
  return { desk: new TicketDesk(() => hooks, () => clock.now, () => `key-${++keys}`), log, answers };
}

describe('TicketDesk', () => {
  it('a double tap sends one request and makes one ticket', async () => {
    const { desk: d, log, answers } = desk();
    const first = d.take({ categoryCode: 'A' });
    const second = d.take({ categoryCode: 'A' });
    expect(await second).toBe('ignored');
    expect(d.busy).toBe(true);
    // Nothing is shown (and so nothing printed) before the host commits the ticket.
    expect(log).toEqual(['busy true', 'issue {"categoryCode":"A","issueKey":"key-1"}']);
    answers[0]!.resolve(ticket);
    expect(await first).toBe('issued');
    expect(log).toEqual(['busy true', 'issue {"categoryCode":"A","issueKey":"key-1"}', 'busy false', 'issued A012']);
    expect(answers).toHaveLength(1);
  });
  it('a failed request shows no ticket and frees the buttons for another tap', async () => {
    const { desk: d, log, answers } = desk();
    const first = d.take({ appointmentCode: '123456' });
    answers[0]!.reject(new Error('network'));
    expect(await first).toBe('failed');
    expect(log).not.toContain('issued A012');
    expect(d.busy).toBe(false);
    const again = d.take({ appointmentCode: '123456' });
    answers[1]!.resolve(ticket);
    expect(await again).toBe('issued');
  });
  it('a press whose reply was lost is retried with the same key, so the host returns the same ticket', async () => {
    const clock = { now: 1_000 };
    const { desk: d, log, answers } = desk(clock);
    const first = d.take({ categoryCode: 'A' });
    answers[0]!.reject(new ApiError(0, 'unreachable', 'hall host unreachable'));
    expect(await first).toBe('failed');
    clock.now += 30_000;
    const again = d.take({ categoryCode: 'A' });
    answers[1]!.resolve(ticket);
    expect(await again).toBe('issued');
    expect(log.filter((l) => l.startsWith('issue '))).toEqual([
      'issue {"categoryCode":"A","issueKey":"key-1"}',
      'issue {"categoryCode":"A","issueKey":"key-1"}',
    ]);
    // After an answer, the next press is a new request.
    const next = d.take({ categoryCode: 'A' });
    answers[2]!.resolve(ticket);
    await next;
    expect(log.at(-3)).toBe('issue {"categoryCode":"A","issueKey":"key-2"}');
  });
  it('a refusal, another button or a stale failure gets a new key', async () => {
    const clock = { now: 0 };
    const { desk: d, log, answers } = desk(clock);
    const sent = () => log.filter((l) => l.startsWith('issue ')).at(-1);
    const a = d.take({ categoryCode: 'A' });
    answers[0]!.reject(new ApiError(422, 'domain_rule', 'closed'));
    await a;
    const b = d.take({ categoryCode: 'A' });
    expect(sent()).toContain('key-2');
    answers[1]!.reject(new ApiError(0, 'unreachable', 'x'));
    await b;
    const c = d.take({ categoryCode: 'B' });
    expect(sent()).toBe('issue {"categoryCode":"B","issueKey":"key-3"}');
    answers[2]!.reject(new ApiError(0, 'unreachable', 'x'));
    await c;
    clock.now += 121_000;
    void d.take({ categoryCode: 'B' });
    expect(sent()).toBe('issue {"categoryCode":"B","issueKey":"key-4"}');
  });
});

describe('issueProblem', () => {
  const t = (key: string) => `<${key}>`;
  it('says "try again" when the host was not reached or failed', () => {
    expect(issueProblem(t, new ApiError(0, 'unreachable', 'hall host unreachable'))).toBe('<kiosk.issueFailed>');
    expect(issueProblem(t, new ApiError(500, 'internal', 'boom'))).toBe('<kiosk.issueFailed>');
    expect(issueProblem(t, new Error('x'))).toBe('<kiosk.issueFailed>');
  });
  it("gives the host's reason for a refused request (wrong code, sold out, closed)", () => {
    expect(issueProblem(t, new ApiError(422, 'domain_rule', '预约码不正确，或不是今天的预约'))).toBe('预约码不正确，或不是今天的预约');
    expect(issueProblem(t, new ApiError(422, 'domain_rule', ''))).toBe('<kiosk.issueFailed>');
  });
});
