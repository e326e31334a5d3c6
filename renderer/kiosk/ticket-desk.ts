// One ticket request at a time. A second tap while the first is on its way is ignored (never a
// second ticket), and only a committed ticket reaches onIssued, which shows it and starts the print.
import { ApiError, errorMessage } from '../shared/api-error';
import type { IssuedTicket, IssueTicketRequest } from '../shared/queue-contract';
import type { Translate } from '../shared/translate';

export interface TicketDeskHooks {
  issue(request: IssueTicketRequest): Promise<IssuedTicket>;
  onBusy(busy: boolean): void;
  onIssued(ticket: IssuedTicket): void;
  onFailed(error: unknown): void;
}

export type TakeResult = 'issued' | 'failed' | 'ignored';

/** A press whose reply never came is retried with the same key for this long, so the host hands
 *  back the ticket it may already have made instead of a second one. */
export const RETRY_SAME_KEY_MS = 120_000;

function newIssueKey(): string {
  return crypto.randomUUID();
}

export class TicketDesk {
  private running = false;
  /** The last request that got no answer (the network failed), with the key it was sent with. */
  private unanswered: { request: IssueTicketRequest; key: string; at: number } | null = null;

  constructor(
    private readonly hooks: () => TicketDeskHooks,
    private readonly now: () => number = Date.now,
    private readonly makeKey: () => string = newIssueKey,
  ) {}

  private keyFor(request: IssueTicketRequest): string {
    const last = this.unanswered;
    const same =
      last !== null &&
      this.now() - last.at < RETRY_SAME_KEY_MS &&
      last.request.categoryCode === request.categoryCode &&
      last.request.priority === request.priority &&
      last.request.appointmentCode === request.appointmentCode;
    return same ? last.key : this.makeKey();
  }

  get busy(): boolean {
    return this.running;
  }

  async take(request: IssueTicketRequest): Promise<TakeResult> {
    if (this.running) return 'ignored';
    this.running = true;
    this.hooks().onBusy(true);
    let ticket: IssuedTicket;
    const key = this.keyFor(request);
    try {
      ticket = await this.hooks().issue({ ...request, issueKey: key });
      this.unanswered = null;
    } catch (error) {
      // The host answered (a refusal): nothing was made, the next press is a new request. No answer
      // at all: the ticket may exist, so the next press of the same button asks for it again.
      const refused = error instanceof ApiError && error.status >= 400 && error.status < 500;
      this.unanswered = refused ? null : { request, key, at: this.now() };
      this.running = false;
      this.hooks().onBusy(false);
      this.hooks().onFailed(error);
      return 'failed';
    }
    this.running = false;
    this.hooks().onBusy(false);
    this.hooks().onIssued(ticket);
    return 'issued';
  }
}

/** Errors whose host message tells the citizen why (wrong code, sold out, closed); others get "try again". */
const EXPLAINED = new Set(['domain_rule', 'conflict', 'validation', 'not_found']);

export function issueProblem(t: Translate, error: unknown): string {
  if (error instanceof ApiError && EXPLAINED.has(error.code) && error.message) return errorMessage(t, error);
  return t('kiosk.issueFailed');
}
