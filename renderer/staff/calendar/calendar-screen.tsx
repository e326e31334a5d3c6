// 工作日历: the year by month with public holidays (休) and make-up working days (班); click a date
// to change it. Due dates of every case are counted on this calendar. Administrators only.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../shared/api-error';
import { useT } from '../../shared/use-t';
import type { CalendarSettings, CalendarYearView } from '../../../electron/contract/calendar.js';
import { useStaff } from '../staff-context';
import { calendarApi } from './calendar-api';
import { byDate } from './calendar-model';
import { DayEditor } from './day-editor';
import { MonthGrid } from './month-grid';
import { ProvisionalBanner } from './provisional-banner';
import { WarningSettingsForm } from './warning-settings-form';
import './calendar.css';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

export default function CalendarScreen() {
  const { t } = useT();
  const { api } = useStaff();
  const calendar = useMemo(() => calendarApi(api), [api]);
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [view, setView] = useState<CalendarYearView | null>(null);
  const [settings, setSettings] = useState<CalendarSettings | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<string | null>(null);

  const reload = useCallback(() => {
    calendar.year(year).then(
      (loaded) => {
        setView(loaded);
        setError(null);
      },
      (failure: unknown) => setError(failure),
    );
  }, [calendar, year]);
  useEffect(reload, [reload]);
  useEffect(() => {
    calendar.settings().then(setSettings, (failure: unknown) => setError(failure));
  }, [calendar]);

  const days = useMemo(() => byDate(view?.days ?? []), [view]);
  const counts = { holiday: view?.days.filter((d) => d.kind === 'holiday').length ?? 0, workday: view?.days.filter((d) => d.kind === 'workday').length ?? 0 };
  const changeYear = (delta: number) => {
    setSelected(null);
    setView(null);
    setYear((y) => y + delta);
  };

  return (
    <section className="calendar-admin">
      <div className="screen-title cal-title">
        <h1>{t('nav.calendar')}</h1>
        <div className="cal-year-nav">
          <button type="button" className="secondary" onClick={() => changeYear(-1)} aria-label={t('calendar.prevYear')}>‹ {year - 1}</button>
          <strong data-testid="cal-year">{t('calendar.yearLabel', { year })}</strong>
          <button type="button" className="secondary" onClick={() => changeYear(1)} aria-label={t('calendar.nextYear')}>{year + 1} ›</button>
        </div>
      </div>
      {error ? <div className="error-box" role="alert"><p>{errorMessage(t, error)}</p></div> : null}
      {view?.provisional ? <ProvisionalBanner key={year} year={year} calendar={calendar} onConfirmed={reload} /> : null}
      {view && !view.provisional && view.source ? <p className="field-hint cal-source">{t('calendar.sourceLine', { source: view.source })}</p> : null}
      <ul className="cal-legend" aria-label={t('calendar.legend')}>
        <li><span className="cal-swatch cal-holiday">{t('calendar.tag.holiday')}</span>{t('calendar.status.holiday')}（{counts.holiday}）</li>
        <li><span className="cal-swatch cal-workday">{t('calendar.tag.workday')}</span>{t('calendar.status.workday')}（{counts.workday}）</li>
        <li><span className="cal-swatch cal-weekend" />{t('calendar.status.weekend')}</li>
        <li><span className="cal-swatch cal-normal" />{t('calendar.status.normal')}</li>
      </ul>
      <div className="cal-body">
        <div className="cal-months">
          {view ? MONTHS.map((m) => <MonthGrid key={m} year={year} month={m} days={days} selected={selected} onSelect={setSelected} />) : <p role="status">{t('common.loading')}</p>}
        </div>
        <aside className="cal-side">
          {selected ? (
            <DayEditor key={`${selected}:${days.get(selected)?.kind ?? 'normal'}`} date={selected} current={days.get(selected)} calendar={calendar} onSaved={reload} />
          ) : (
            <p className="panel field-hint">{t('calendar.pickHint')}</p>
          )}
          {settings ? <WarningSettingsForm initial={settings} calendar={calendar} /> : null}
        </aside>
      </div>
    </section>
  );
}
