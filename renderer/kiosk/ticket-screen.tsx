// The committed ticket, big enough to read from a step back, and what happened to its paper slip.
import { useT } from '../shared/use-t';
import type { IssuedTicket } from '../shared/queue-contract';
import type { PrintStatus } from './use-ticket-issue';

interface TicketScreenProps {
  ticket: IssuedTicket;
  printStatus: PrintStatus;
  onDone: () => void;
}

export function TicketScreen({ ticket, printStatus, onDone }: TicketScreenProps) {
  const { t, language } = useT();
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(ticket.issuedAt));
  return (
    <section className="kiosk-ticket-screen">
      <div className="kiosk-ticket" data-testid="kiosk-ticket" data-ticket-id={ticket.id}>
        <p className="kiosk-ticket-label">{t('kiosk.yourNumber')}</p>
        <p className="kiosk-ticket-number" data-testid="kiosk-ticket-number">
          {ticket.number}
        </p>
        <p className="kiosk-ticket-category">
          {ticket.categoryName}
          {ticket.priority ? <span className="kiosk-ticket-priority">{t(`kiosk.priorityTag.${ticket.priority}`)}</span> : null}
        </p>
        <p className="kiosk-ticket-ahead">{ticket.ahead === 0 ? t('kiosk.aheadNone') : t('kiosk.ahead', { n: ticket.ahead })}</p>
        <p className="kiosk-ticket-wait">{ticket.estimatedWaitMinutes === 0 ? t('kiosk.waitNone') : t('kiosk.wait', { minutes: ticket.estimatedWaitMinutes })}</p>
        <p className="kiosk-ticket-time">{t('kiosk.issuedAt', { time })}</p>
      </div>
      <div className="kiosk-ticket-after">
        <PrintLine status={printStatus} number={ticket.number} />
        <p className="kiosk-hint">{t('kiosk.listenForCall')}</p>
        <button type="button" className="kiosk-primary" data-testid="kiosk-done" onClick={onDone}>
          {t('kiosk.done')}
        </button>
      </div>
    </section>
  );
}

function PrintLine({ status, number }: { status: PrintStatus; number: string }) {
  const { t } = useT();
  if (status === 'failed') {
    return (
      <div className="kiosk-alert" role="alert" data-testid="kiosk-print-status" data-status={status}>
        {t('kiosk.printFailed', { number })}
      </div>
    );
  }
  return (
    <p className={`kiosk-print-line ${status}`} role="status" data-testid="kiosk-print-status" data-status={status}>
      {status === 'printing' ? t('kiosk.printing') : t('kiosk.printed')}
    </p>
  );
}
