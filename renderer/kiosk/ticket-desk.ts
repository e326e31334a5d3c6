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

export class TicketDesk {
  private running = false;

  constructor(private readonly hooks: () => TicketDeskHooks) {}

  get busy(): boolean {
    return this.running;
  }

  async take(request: IssueTicketRequest): Promise<TakeResult> {
    if (this.running) return 'ignored';
    this.running = true;
    this.hooks().onBusy(true);
    let ticket: IssuedTicket;
    try {
      ticket = await this.hooks().issue(request);
    } catch (error) {
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
