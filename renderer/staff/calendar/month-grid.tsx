// One month of the year view. Holidays and make-up days differ by colour AND by a printed tag
// (休 / 班), so the difference survives colour blindness and a black-and-white printout.
import { useT } from '../../shared/use-t';
import type { CalendarDayView } from '../../../electron/contract/calendar.js';
import { dayStatus, monthWeeks } from './calendar-model';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

interface MonthGridProps {
  year: number;
  month: number;
  days: ReadonlyMap<string, CalendarDayView>;
  selected: string | null;
  onSelect: (date: string) => void;
}

export function MonthGrid({ year, month, days, selected, onSelect }: MonthGridProps) {
  const { t } = useT();
  return (
    <table className="cal-month" data-testid={`cal-month-${month}`}>
      <caption>{t('calendar.monthName', { month })}</caption>
      <thead>
        <tr>
          {WEEKDAYS.map((d) => (
            <th key={d} scope="col" className={d >= 6 ? 'cal-weekend-head' : undefined}>{t(`calendar.weekdayShort.${d}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(year, month).map((week, i) => (
          <tr key={i}>
            {week.map((date, j) => {
              if (!date) return <td key={j} />;
              const status = dayStatus(date, days);
              const listed = days.get(date);
              const label = [t('calendar.dateLabel', { month, day: Number(date.slice(8)) }), t(`calendar.status.${status}`), listed?.name].filter(Boolean).join('，');
              return (
                <td key={date}>
                  <button
                    type="button"
                    className={`cal-day cal-${status}${selected === date ? ' cal-selected' : ''}`}
                    aria-label={label}
                    aria-pressed={selected === date}
                    title={listed ? `${listed.name}（${t(`calendar.status.${status}`)}）` : undefined}
                    data-date={date}
                    onClick={() => onSelect(date)}
                  >
                    <span className="cal-num">{Number(date.slice(8))}</span>
                    {status === 'holiday' || status === 'workday' ? <span className="cal-tag" aria-hidden="true">{t(`calendar.tag.${status}`)}</span> : null}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
