// The desktop app's first-run set-up; in a plain browser there is nothing to set up.
import { useEffect, useState } from 'react';
import { useT } from '../shared/use-t';
import type { AppSetup, SetupBridge } from '../shared/contract';
import { setupBridge } from '../shared/desktop-bridge';
import { LangSwitch } from '../shared/lang-switch';
import { SetupFormView, type DisplayInfo } from './setup-form';

type Loaded = { status: 'loading' } | { status: 'ready'; setup: AppSetup | null; displays: DisplayInfo[] } | { status: 'error'; message: string };

export function SetupApp() {
  const { t } = useT();
  const bridge = setupBridge();
  return (
    <main className="setup-page">
      <header className="setup-header">
        <h1>{t('setup.title')}</h1>
        <LangSwitch />
      </header>
      {bridge ? (
        <SetupLoader bridge={bridge} />
      ) : (
        <div className="panel" data-testid="setup-unavailable">
          <p>{t('setup.desktopOnly')}</p>
        </div>
      )}
    </main>
  );
}

function SetupLoader({ bridge }: { bridge: SetupBridge }) {
  const { t } = useT();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    Promise.all([bridge.getAppSetup(), bridge.listDisplays()]).then(
      ([setup, displays]) => setLoaded({ status: 'ready', setup, displays }),
      (error: unknown) => setLoaded({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, [bridge]);
  if (loaded.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (loaded.status === 'error') {
    return (
      <div className="error-box" role="alert">
        <p>{t('setup.loadFailed', { message: loaded.message })}</p>
      </div>
    );
  }
  return <SetupFormView initial={loaded.setup} displays={loaded.displays} onSave={(setup, pin) => bridge.saveAppSetup(setup, pin)} />;
}
