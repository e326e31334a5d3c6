// A kiosk, display or rating page: pair once, then show the paired screen.
import { useEffect, useState } from 'react';
import { useT } from '../shared/use-t';
import type { TerminalConfig } from '../shared/contract';
import { TERMINAL_END_MESSAGES } from '../shared/credential-end';
import { servedOrigin } from '../shared/host-url';
import { forgetPairing, loadTerminalConfig, saveTerminalConfig } from '../shared/terminal-store';
import { pairingCodeFromHash, type PairedRole } from './pairing';
import { PairedScreen, type TerminalScreen } from './paired-screen';
import { PairingScreen } from './pairing-screen';

type Loaded = { status: 'loading' } | { status: 'ready'; config: TerminalConfig | null };

/** Takes a #pair=<code> out of the address, so the code does not linger in history or on screen. */
function takeCodeFromAddress(): string | null {
  const code = pairingCodeFromHash(window.location.hash);
  if (code) history.replaceState(null, '', window.location.pathname + window.location.search);
  return code;
}

export function TerminalApp({ role, screen }: { role: PairedRole; screen?: TerminalScreen }) {
  const { t } = useT();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [notice, setNotice] = useState<string | null>(null);
  // Used once: after the credential ends, the old code from the address is not tried again.
  const [codeFromAddress, setCodeFromAddress] = useState(takeCodeFromAddress);
  useEffect(() => {
    loadTerminalConfig(role).then(
      (config) => setLoaded({ status: 'ready', config }),
      () => setLoaded({ status: 'ready', config: null }),
    );
  }, [role]);

  if (loaded.status === 'loading') return <p className="centered-page">{t('common.loading')}</p>;
  const { config } = loaded;
  const unpair = async (why: string | null) => {
    setCodeFromAddress(null);
    if (config) setLoaded({ status: 'ready', config: await forgetPairing(config) });
    setNotice(why);
  };
  if (config?.deviceToken) {
    return (
      <PairedScreen
        role={role}
        config={{ ...config, deviceToken: config.deviceToken }}
        onRefused={(reason) => void unpair(t(TERMINAL_END_MESSAGES[reason]))}
        onUnpair={() => unpair(null)}
        {...(screen ? { screen } : {})}
      />
    );
  }
  return (
    <PairingScreen
      role={role}
      initialHostUrl={config?.hostUrl ?? servedOrigin(window.location)}
      initialCode={codeFromAddress}
      notice={notice}
      onPaired={async (paired) => {
        await saveTerminalConfig(paired);
        setNotice(null);
        setLoaded({ status: 'ready', config: paired });
      }}
    />
  );
}
