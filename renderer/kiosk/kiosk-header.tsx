import { useEffect, useState } from 'react';
import { LangSwitch } from '../shared/lang-switch';
import { useT } from '../shared/use-t';

function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

interface KioskHeaderProps {
  hallName: string;
  elderly: boolean;
  onToggleElderly: () => void;
}

export function KioskHeader({ hallName, elderly, onToggleElderly }: KioskHeaderProps) {
  const { t, language } = useT();
  const now = useNow(5_000);
  const date = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }).format(now);
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hour12: false }).format(now);
  return (
    <header className="kiosk-header">
      <div className="kiosk-hall">
        <h1 data-testid="kiosk-hall-name">{hallName}</h1>
        <p className="kiosk-clock">
          <span>{date}</span> <strong className="kiosk-time">{time}</strong>
        </p>
      </div>
      <div className="kiosk-tools">
        <LangSwitch />
        <button
          type="button"
          className={elderly ? 'elderly-toggle on' : 'elderly-toggle'}
          aria-pressed={elderly}
          data-testid="elderly-toggle"
          onClick={onToggleElderly}
        >
          <span className="elderly-toggle-mark" aria-hidden="true" />
          {t('kiosk.elderlyMode')}
        </button>
      </div>
    </header>
  );
}
