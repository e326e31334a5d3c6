import { useT } from '../shared/use-t';
import type { NextOpening, QueueSettings } from '../shared/queue-contract';
import { CategoryButton } from './category-button';
import { priorityOffered, type KioskCategory, type StartView } from './kiosk-model';

interface StartScreenProps {
  view: StartView;
  categories: KioskCategory[];
  settings: QueueSettings | null;
  /** When the hall opens next (from the queue state), shown while closed. */
  nextOpen: NextOpening | null;
  notice: string;
  /** The host can take a request and none is running. */
  enabled: boolean;
  problem: string | null;
  onCategory: (code: string) => void;
  onPriority: () => void;
  onAppointment: () => void;
  /** 办事指南: open even when no ticket can be taken, as long as the host answers. */
  onGuide: () => void;
  /** 办件查询: like the guide, needs the host but no open queue. */
  onLookup: () => void;
}

/** 办事指南 and 办件查询: offered whether or not tickets can be taken, so one piece serves both views. */
function InformationEntries({ onGuide, onLookup }: Pick<StartScreenProps, 'onGuide' | 'onLookup'>) {
  const { t } = useT();
  return (
    <>
      <button type="button" className="kiosk-extra-button guide-entry" data-testid="kiosk-guide" onClick={onGuide}>
        <span className="kiosk-extra-name">{t('guide.title')}</span>
        <span className="kiosk-extra-help">{t('guide.entryHelp')}</span>
      </button>
      <button type="button" className="kiosk-extra-button guide-entry" data-testid="kiosk-lookup" onClick={onLookup}>
        <span className="kiosk-extra-name">{t('kioskLookup.title')}</span>
        <span className="kiosk-extra-help">{t('kioskLookup.entryHelp')}</span>
      </button>
    </>
  );
}

export function StartScreen({ view, categories, settings, nextOpen, notice, enabled, problem, onCategory, onPriority, onAppointment, onGuide, onLookup }: StartScreenProps) {
  const { t } = useT();
  if (view === 'loading') {
    return <p className="kiosk-message" data-testid="kiosk-loading">{t('kiosk.connecting')}</p>;
  }
  if (view === 'closed') {
    return (
      <div className="kiosk-message" data-testid="kiosk-closed">
        <p>{settings ? t('kiosk.closedHours', { hours: settings.periods.map((p) => `${p.open}–${p.close}`).join('、') }) : t('kiosk.closed')}</p>
        {nextOpen ? (
          <p className="kiosk-next-open" data-testid="kiosk-next-open">
            {t('kiosk.nextOpen', { month: Number(nextOpen.date.slice(5, 7)), day: Number(nextOpen.date.slice(8, 10)), date: nextOpen.date, time: nextOpen.time })}
          </p>
        ) : null}
        {notice ? <p className="kiosk-notice">{notice}</p> : null}
        <div className="kiosk-extra">
          <InformationEntries onGuide={onGuide} onLookup={onLookup} />
        </div>
      </div>
    );
  }
  if (view === 'noCategories') {
    return <p className="kiosk-message" data-testid="kiosk-no-categories">{t('kiosk.noCategories')}</p>;
  }
  const hostDown = view === 'unreachable';
  return (
    <section className={hostDown ? 'kiosk-start host-down' : 'kiosk-start'} aria-labelledby="kiosk-start-title">
      {hostDown ? (
        <div className="kiosk-alert" role="alert" data-testid="kiosk-unreachable">
          {t('kiosk.unreachable')}
        </div>
      ) : null}
      {problem ? (
        <div className="kiosk-alert" role="alert" data-testid="kiosk-issue-error">
          {problem}
        </div>
      ) : null}
      <h2 id="kiosk-start-title" className="kiosk-title">{t('kiosk.chooseService')}</h2>
      <div className="kiosk-categories">
        {categories.map((category) => (
          <CategoryButton key={category.code} category={category} enabled={enabled} onChoose={onCategory} />
        ))}
      </div>
      <div className="kiosk-extra">
        {priorityOffered(categories) ? (
          <button type="button" className="kiosk-extra-button" disabled={!enabled} data-testid="kiosk-priority" onClick={onPriority}>
            <span className="kiosk-extra-name">{t('kiosk.priority')}</span>
            <span className="kiosk-extra-help">{t('kiosk.priorityWho')}</span>
          </button>
        ) : null}
        <button type="button" className="kiosk-extra-button" disabled={!enabled} data-testid="kiosk-appointment" onClick={onAppointment}>
          <span className="kiosk-extra-name">{t('kiosk.appointment')}</span>
          <span className="kiosk-extra-help">{t('kiosk.appointmentHelp')}</span>
        </button>
        <InformationEntries onGuide={onGuide} onLookup={onLookup} />
      </div>
      {notice ? <p className="kiosk-notice">{notice}</p> : null}
    </section>
  );
}
