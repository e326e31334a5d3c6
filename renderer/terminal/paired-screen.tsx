// A paired terminal: which hall, which device, and whether the live connection is up.
// The queue screens (tickets, calling, rating) replace the body of this page in a later version.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../shared/use-t';
import type { TerminalConfig } from '../shared/contract';
import { errorMessage } from '../shared/api-error';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { ConnectionBadge } from '../shared/connection-badge';
import { hallApi } from '../shared/hall-api';
import { useHallEvents } from '../shared/use-hall-events';
import { useHealth } from '../shared/use-health';
import { checkPairing, type PairedRole } from './pairing';

interface PairedScreenProps {
  role: PairedRole;
  config: TerminalConfig & { deviceToken: string };
  /** The device token was refused (revoked or re-issued): go back to pairing. */
  onRefused: () => void;
  onUnpair: () => Promise<void>;
}

export function PairedScreen({ role, config, onRefused, onUnpair }: PairedScreenProps) {
  const { t } = useT();
  const refused = useRef(onRefused);
  refused.current = onRefused;
  const api = useMemo(() => hallApi(config.hostUrl, () => config.deviceToken, () => refused.current()), [config.hostUrl, config.deviceToken]);
  const health = useHealth(api);
  const [deviceName, setDeviceName] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  // Who are we: on start, and whenever the host turns the events socket away (revoked or re-issued
  // code); a 401 there sends the terminal back to pairing through onUnauthorized.
  const checkDevice = useCallback(() => {
    api.me().then(
      (who) => {
        const check = checkPairing(who, role);
        if (!check.ok) return refused.current();
        setDeviceName(check.device.name);
        setProblem(null);
      },
      (error: unknown) => setProblem(errorMessage(t, error)),
    );
  }, [api, role, t]);
  const connection = useHallEvents(config.hostUrl, config.deviceToken, undefined, checkDevice);
  useEffect(checkDevice, [checkDevice]);
  // Back online after a failed check: ask again so an old "cannot reach the host" goes away.
  useEffect(() => {
    if (connection === 'open') checkDevice();
  }, [connection, checkDevice]);

  const hallName = health.status === 'ok' && health.health.hallName ? health.health.hallName : t('app.title');
  return (
    <main className={`terminal-paired terminal-${role}`} data-testid="terminal-paired">
      <header className="terminal-header">
        <h1 className="terminal-hall">{hallName}</h1>
        <ConnectionBadge state={connection} />
      </header>
      <section className="terminal-body">
        <p className="terminal-kind">{t(`deviceKinds.${role}`)}</p>
        <p className="terminal-device">{deviceName ?? t('common.loading')}</p>
        <p className="terminal-status">{connection === 'open' ? t('terminal.ready') : t('terminal.waiting')}</p>
        {problem ? <div className="error-box" role="alert"><p>{problem}</p></div> : null}
      </section>
      <button type="button" className="admin-corner" aria-label={t('terminal.settings')} title={t('terminal.settings')} onClick={() => setConfirming(true)}>
        ⚙
      </button>
      {confirming ? (
        <ConfirmDialog title={t('terminal.unpairTitle')} confirmLabel={t('terminal.unpair')} danger onConfirm={() => void onUnpair()} onCancel={() => setConfirming(false)}>
          <p>{t('terminal.unpairText')}</p>
        </ConfirmDialog>
      ) : null}
    </main>
  );
}
