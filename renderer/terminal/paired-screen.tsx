// A paired terminal: which hall, which device, and whether the live connection is up. A role's own
// screen (kiosk, display, rating pad) renders inside it through `screen`, with the terminal context:
// the API client, the connection state and a subscription to the host's events.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApiClient } from '../shared/api-client';
import type { CredentialEndReason, HallEvent } from '../shared/contract';
import type { ConnectionState } from '../shared/events-socket';
import { useT } from '../shared/use-t';
import type { TerminalConfig } from '../shared/contract';
import { errorMessage } from '../shared/api-error';
import { credentialEndFromError } from '../shared/credential-end';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { ConnectionBadge } from '../shared/connection-badge';
import { hallApi } from '../shared/hall-api';
import { useHallEvents } from '../shared/use-hall-events';
import { useHealth } from '../shared/use-health';
import { checkPairing, type PairedRole } from './pairing';

export interface TerminalContext {
  role: PairedRole;
  api: ApiClient;
  config: TerminalConfig & { deviceToken: string };
  hallName: string;
  deviceName: string | null;
  connection: ConnectionState;
  /** Every host event, in order; returns the unsubscribe function. */
  subscribe(listener: (event: HallEvent) => void): () => void;
}

export type TerminalScreen = (context: TerminalContext) => ReactNode;

interface PairedScreenProps {
  role: PairedRole;
  config: TerminalConfig & { deviceToken: string };
  /** The device token was refused or ended (revoked, re-issued, expired): go back to pairing. */
  onRefused: (reason: CredentialEndReason) => void;
  onUnpair: () => Promise<void>;
  /** The role's own screen; without it, the plain "paired and connected" page. */
  screen?: TerminalScreen;
}

export function PairedScreen({ role, config, onRefused, onUnpair, screen }: PairedScreenProps) {
  const { t } = useT();
  const refused = useRef(onRefused);
  refused.current = onRefused;
  const api = useMemo(
    () => hallApi(config.hostUrl, () => config.deviceToken, (error) => refused.current(credentialEndFromError(error))),
    [config.hostUrl, config.deviceToken],
  );
  const health = useHealth(api);
  const [deviceName, setDeviceName] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  // Who are we: on start and after reconnecting; a 401 there sends the terminal back to pairing
  // through onUnauthorized, as does the host closing the events socket on an ended token.
  const checkDevice = useCallback(() => {
    api.me().then(
      (who) => {
        const check = checkPairing(who, role);
        if (!check.ok) return refused.current('token_revoked');
        setDeviceName(check.device.name);
        setProblem(null);
      },
      (error: unknown) => setProblem(errorMessage(t, error)),
    );
  }, [api, role, t]);
  const listeners = useRef(new Set<(event: HallEvent) => void>());
  const onEvent = useCallback((event: HallEvent) => {
    for (const listener of listeners.current) listener(event);
  }, []);
  const subscribe = useCallback((listener: (event: HallEvent) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const ended = useCallback((reason: CredentialEndReason) => refused.current(reason), []);
  const connection = useHallEvents(config.hostUrl, config.deviceToken, onEvent, ended);
  useEffect(checkDevice, [checkDevice]);
  // Back online after a failed check: ask again so an old "cannot reach the host" goes away.
  useEffect(() => {
    if (connection === 'open') checkDevice();
  }, [connection, checkDevice]);

  const hallName = health.status === 'ok' && health.health.hallName ? health.health.hallName : t('app.title');
  const corner = (
    <>
      <button type="button" className="admin-corner" aria-label={t('terminal.settings')} title={t('terminal.settings')} onClick={() => setConfirming(true)}>
        ⚙
      </button>
      {confirming ? (
        <ConfirmDialog title={t('terminal.unpairTitle')} confirmLabel={t('terminal.unpair')} danger onConfirm={() => void onUnpair()} onCancel={() => setConfirming(false)}>
          <p>{t('terminal.unpairText')}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
  if (screen) {
    return (
      <main className={`terminal-role terminal-${role}`} data-testid="terminal-paired">
        {screen({ role, api, config, hallName, deviceName, connection, subscribe })}
        {problem ? <div className="error-box terminal-problem" role="alert"><p>{problem}</p></div> : null}
        {corner}
      </main>
    );
  }
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
      {corner}
    </main>
  );
}
