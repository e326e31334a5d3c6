// The desktop app's first-run set-up; in a plain browser there is nothing to set up.
import { useEffect, useState } from 'react';
import { useT } from '../shared/use-t';
import type { AppSetup, HallStatus, SetupBridge } from '../shared/contract';
import { setupBridge } from '../shared/desktop-bridge';
import { LangSwitch } from '../shared/lang-switch';
import { SetupFormView, type DisplayInfo } from './setup-form';
import { AdminMaintenance, RecoveryKeyImport } from './setup-maintenance';

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; setup: AppSetup | null; displays: DisplayInfo[]; hall: HallStatus }
  | { status: 'error'; message: string };

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
    Promise.all([bridge.getAppSetup(), bridge.listDisplays(), bridge.hallStatus()]).then(
      ([setup, displays, hall]) => setLoaded({ status: 'ready', setup, displays, hall }),
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
  const { setup, displays, hall } = loaded;
  // A moved hall's key goes in before the first start; a running hall's admin tools once it is set up.
  const canImportKey = setup === null && hall.keychainUsable && !hall.keySealed;
  return (
    <>
      {canImportKey ? <RecoveryKeyImport bridge={bridge} /> : null}
      <SetupFormView
        initial={setup}
        displays={displays}
        hasDatabase={hall.hasDatabase}
        onSave={(next, pin, adminPassword) => (adminPassword === undefined ? bridge.saveAppSetup(next, pin) : bridge.saveAppSetup(next, pin, adminPassword))}
      />
      {setup !== null && (hall.hasDatabase || hall.keySealed) ? <AdminMaintenance bridge={bridge} status={hall} /> : null}
    </>
  );
}
