// 今日本窗口: every ticket this window called today, newest first.
import type { TicketView } from '../../shared/queue-contract';
import { useT } from '../../shared/use-t';

function clockTime(iso: string | null, language: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hour12: false }).format(date);
}

export function TodayList({ tickets }: { tickets: readonly TicketView[] }) {
  const { t, language } = useT();
  return (
    <div className="panel counter-today" data-testid="counter-today">
      <h2>{t('counter.todayTitle', { count: tickets.length })}</h2>
      {tickets.length === 0 ? (
        <p className="muted">{t('counter.todayEmpty')}</p>
      ) : (
        // Scrolls when the day is long or English headings are wide: focusable so a keyboard can scroll it.
        <div className="counter-today-scroll" tabIndex={0} role="region" aria-label={t('counter.todayTitle', { count: tickets.length })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('counter.col.number')}</th>
                <th scope="col">{t('counter.col.category')}</th>
                <th scope="col">{t('counter.col.status')}</th>
                <th scope="col">{t('counter.col.called')}</th>
                <th scope="col">{t('counter.col.finished')}</th>
              </tr>
            </thead>
            <tbody>
              {tickets.map((ticket) => (
                <tr key={ticket.id} data-status={ticket.status}>
                  <td className="today-number">{ticket.number}</td>
                  <td>{ticket.categoryName}</td>
                  <td><span className={`ticket-status status-${ticket.status}`}>{t(`counter.status.${ticket.status}`)}</span></td>
                  <td>{clockTime(ticket.calledAt, language)}</td>
                  <td>{clockTime(ticket.finishedAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
