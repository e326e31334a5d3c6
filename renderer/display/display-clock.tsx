import { useEffect, useState } from 'react';

/** 09:05 and 2026年11月27日 星期五 — the time citizens check against their slip. */
export function DisplayClock({ language }: { language: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hour12: false }).format(now);
  const date = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }).format(now);
  return (
    <div className="display-clock">
      <time className="display-time" dateTime={now.toISOString()}>{time}</time>
      <span className="display-date">{date}</span>
    </div>
  );
}
