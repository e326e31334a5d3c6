// The staff app: find the host, then either the login screen or the signed-in shell.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useT } from '../shared/use-t';
import { hallApi } from '../shared/hall-api';
import { HostAddressForm } from '../shared/host-address-form';
import { credentialEndFromError } from '../shared/credential-end';
import { SessionStore } from '../shared/session-store';
import { saveTerminalConfig } from '../shared/terminal-store';
import { useHealth } from '../shared/use-health';
import { LoginScreen } from './login-screen';
import { StaffShell } from './staff-shell';
import { resolveStaffHostUrl } from './staff-host';

function browserStorage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

const sessions = new SessionStore(browserStorage());

export function StaffApp() {
  const { t } = useT();
  const [hostUrl, setHostUrl] = useState<string | null>(null);
  useEffect(() => {
    void resolveStaffHostUrl().then(setHostUrl);
  }, []);
  if (hostUrl === null) return <p className="centered-page">{t('common.loading')}</p>;
  if (!hostUrl) {
    return (
      <main className="centered-page">
        <div className="panel centered-card">
          <h1>{t('app.title')}</h1>
          <HostAddressForm
            initial=""
            onSave={async (url) => {
              await saveTerminalConfig({ hostUrl: url, role: 'staff' });
              setHostUrl(url);
            }}
          />
        </div>
      </main>
    );
  }
  return <StaffSession hostUrl={hostUrl} />;
}

function StaffSession({ hostUrl }: { hostUrl: string }) {
  const { t } = useT();
  const state = useSyncExternalStore(sessions.subscribe, sessions.getState);
  const api = useMemo(() => hallApi(hostUrl, sessions.token, (error) => sessions.signOut(credentialEndFromError(error))), [hostUrl]);
  const health = useHealth(api);
  const hallName = health.status === 'ok' && health.health.hallName ? health.health.hallName : t('app.title');
  if (!state.session) {
    return <LoginScreen api={api} health={health} hallName={hallName} endedBecause={state.endedBecause} onLogin={(login) => sessions.signIn(login)} />;
  }
  return (
    <StaffShell
      context={{ api, session: state.session, hallName, hostUrl }}
      onEnded={(reason) => sessions.signOut(reason)}
      onLogout={async () => {
        // Leave first: the host then closes this session's socket, and that close must not read
        // as a logout from elsewhere.
        const token = sessions.token();
        sessions.signOut('logout');
        if (token) await api.withToken(token).logout().catch(() => undefined);
      }}
    />
  );
}
