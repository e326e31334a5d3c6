import { useT } from '../shared/use-t';

/** The top row of every inner screen: back one step, and (when deeper) straight to the start. */
export function InnerNav({ title, onBack, onHome }: { title: string; onBack: () => void; onHome?: () => void }) {
  const { t } = useT();
  return (
    <div className="kiosk-inner-nav">
      <button type="button" className="secondary kiosk-nav-button" data-testid="kiosk-back" onClick={onBack}>
        ‹ {t('kiosk.back')}
      </button>
      <h2 className="kiosk-title">{title}</h2>
      {onHome ? (
        <button type="button" className="secondary kiosk-nav-button" data-testid="kiosk-home" onClick={onHome}>
          {t('kiosk.home')}
        </button>
      ) : (
        <span className="kiosk-nav-spacer" />
      )}
    </div>
  );
}
