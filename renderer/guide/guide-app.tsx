// The public guide page (/guide#<itemCode>): what the slip's QR code opens on a citizen's phone on the
// hall's network. No pairing and no login: guides are public information, and the host serves only
// the items the hall offers today to callers without a staff token.
import { useEffect, useMemo, useState } from 'react';
import { hallApi } from '../shared/hall-api';
import { servedOrigin } from '../shared/host-url';
import { LangSwitch } from '../shared/lang-switch';
import { useHealth } from '../shared/use-health';
import { useT } from '../shared/use-t';
import { GuideBrowseScreen } from '../kiosk/guide-browse-screen';
import { GuideItemScreen } from '../kiosk/guide-item-screen';

/** `#A12`, `#guide=A12` → `A12`; an empty hash → the index. */
export function itemCodeFromHash(hash: string): string | null {
  const raw = hash.replace(/^#/, '').replace(/^guide=/, '');
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

function useHashCode(): [string | null, (code: string | null) => void] {
  const [code, setCode] = useState(() => itemCodeFromHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setCode(itemCodeFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = (next: string | null) => {
    window.location.hash = next ? encodeURIComponent(next) : '';
  };
  return [code, go];
}

export function GuideApp() {
  const { t } = useT();
  const api = useMemo(() => hallApi(servedOrigin(window.location)), []);
  const health = useHealth(api);
  const [code, go] = useHashCode();
  const hallName = health.status === 'ok' && health.health.hallName ? health.health.hallName : t('app.title');
  return (
    <div className="kiosk guide-page" data-testid="guide-page">
      <header className="kiosk-header">
        <div className="kiosk-hall">
          <h1>{hallName}</h1>
          <p className="kiosk-clock">{t('guide.title')}</p>
        </div>
        <div className="kiosk-tools">
          <LangSwitch />
        </div>
      </header>
      <div className="kiosk-body">
        {code ? (
          <GuideItemScreen key={code} api={api} code={code} onBack={() => go(null)} />
        ) : (
          <GuideBrowseScreen api={api} onItem={(next) => go(next)} onBack={() => go(null)} />
        )}
      </div>
    </div>
  );
}
