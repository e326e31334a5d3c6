// The ticket at the window now: its number large enough to read back to the citizen, what kind of
// priority it claims, how long they waited and how long the service runs, and what can be done next.
import { useEffect, useState, type ReactNode } from 'react';
import { CheckboxField } from '../../shared/form-field';
import type { TicketView } from '../../shared/queue-contract';
import { useT } from '../../shared/use-t';
import { formatDuration, ticketTimers, type CounterAction } from './counter-model';
import { intakeHrefForTicket } from '../intake/intake-model';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** Button order on the card: the usual next step first, the rare and final ones last. */
const ACTION_ORDER: readonly CounterAction[] = ['start', 'complete', 'recall', 'no-show', 'transfer', 'cancel'];
const ACTION_KEYS: Partial<Record<CounterAction, string>> = { recall: 'F2', start: 'F3', complete: 'F4' };
const PRIMARY: ReadonlySet<CounterAction> = new Set(['start', 'complete']);

interface CurrentTicketCardProps {
  ticket: TicketView | null;
  actions: readonly CounterAction[];
  busy: string | null;
  /** Host time minus local time, so the timers agree with the host's timestamps. */
  clockOffset: number;
  priorityConfirmed: boolean;
  onPriorityConfirmed: (checked: boolean) => void;
  /** 本次办理事项, shown while serving (the items 服务结束 records). */
  handled: ReactNode;
  onAction: (action: CounterAction) => void;
  /** What to say when there is no ticket: how to call one, or why not now. */
  idleText: string;
}

export function CurrentTicketCard(props: CurrentTicketCardProps) {
  const { ticket, actions, busy, clockOffset, priorityConfirmed, onPriorityConfirmed, handled, onAction, idleText } = props;
  const { t } = useT();
  const now = useNow(1000) + clockOffset;
  if (!ticket) {
    return (
      <div className="panel counter-current" data-testid="counter-current" data-status="none">
        <p className="current-empty">{idleText}</p>
      </div>
    );
  }
  const timers = ticketTimers(ticket, now);
  return (
    <div className={`panel counter-current status-${ticket.status}`} data-testid="counter-current" data-status={ticket.status} data-ticket-id={ticket.id}>
      <div className="current-head">
        <span className="current-number" data-testid="counter-current-number">{ticket.number}</span>
        <div className="current-facts">
          <span className={`ticket-status status-${ticket.status}`}>{t(`counter.status.${ticket.status}`)}</span>
          <span className="current-category">{ticket.categoryName}</span>
          {ticket.callCount > 1 ? <span className="muted">{t('counter.calledTimes', { count: ticket.callCount })}</span> : null}
          {ticket.transferredFrom !== null ? <span className="muted">{t('counter.transferredIn')}</span> : null}
        </div>
      </div>
      {ticket.priority ? (
        <div className="current-priority">
          <span className="priority-tag">{t(`counter.priority.${ticket.priority}`)}</span>
          {ticket.status === 'called' ? (
            <CheckboxField label={t('counter.priorityConfirmed')} checked={priorityConfirmed} onChecked={onPriorityConfirmed} />
          ) : (
            <span>{ticket.priorityConfirmed ? t('counter.priorityChecked') : t('counter.priorityUnchecked')}</span>
          )}
        </div>
      ) : null}
      <dl className="current-timers">
        <div>
          <dt>{t('counter.waitingTime')}</dt>
          <dd data-testid="counter-waiting-time">{formatDuration(timers.waitingMs)}</dd>
        </div>
        <div>
          <dt>{t('counter.serviceTime')}</dt>
          <dd data-testid="counter-service-time">{timers.serviceMs === null ? '—' : formatDuration(timers.serviceMs)}</dd>
        </div>
      </dl>
      <div className="current-actions">
        {ACTION_ORDER.filter((action) => actions.includes(action)).map((action) => (
          <button
            key={action}
            type="button"
            data-testid={`counter-${action}`}
            className={PRIMARY.has(action) ? 'counter-primary' : action === 'cancel' ? 'danger' : 'secondary'}
            disabled={busy !== null}
            onClick={() => onAction(action)}
          >
            {t(`counter.actions.${action}`)}
            {ACTION_KEYS[action] ? <kbd>{ACTION_KEYS[action]}</kbd> : null}
          </button>
        ))}
        {actions.includes('complete') ? (
          // 受理办件: the citizen at the window hands in an application; the case keeps this ticket.
          <a className="button counter-intake" href={intakeHrefForTicket(ticket)} data-testid="counter-intake">
            {t('intake.startFromTicket')}
          </a>
        ) : null}
      </div>
      {actions.includes('complete') ? <div className="current-serving">{handled}</div> : null}
    </div>
  );
}
