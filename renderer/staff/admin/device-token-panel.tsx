// The pairing code, shown once: the host keeps only its hash, so closing this panel loses it.
import { useState } from 'react';
import { useT } from '../../shared/use-t';
import type { CreateDeviceResponse } from '../../shared/contract';
import { useStaff } from '../staff-context';
import { isLoopbackHost, pairingPagePath } from './device-state';

export function DeviceTokenPanel({ issued, onClose }: { issued: CreateDeviceResponse; onClose: () => void }) {
  const { t } = useT();
  const { hostUrl } = useStaff();
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const { device, token } = issued;
  const path = pairingPagePath(device.kind);
  const pageUrl = path ? `${hostUrl}${path}` : null;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className="panel token-panel" data-testid="device-token" aria-labelledby="device-token-title">
      <h2 id="device-token-title">{t('pairing.codeTitle', { name: device.name, kind: t(`deviceKinds.${device.kind}`) })}</h2>
      <p className="token-warning">{t('pairing.showOnce')}</p>
      <div className="token-row">
        <code className="token-value" data-testid="device-token-value">{token}</code>
        <button type="button" onClick={() => void copy()}>{t('pairing.copy')}</button>
        <span role="status" className="muted">
          {copied === 'ok' ? t('pairing.copied') : copied === 'failed' ? t('pairing.copyFailed') : ''}
        </span>
      </div>
      <h3>{t('pairing.howTitle')}</h3>
      {pageUrl ? (
        <ol className="pairing-steps">
          <li>
            {t('pairing.stepOpen')} <code className="page-url">{pageUrl}</code>
            {isLoopbackHost(hostUrl) ? <p className="muted">{t('pairing.loopbackHint')}</p> : null}
          </li>
          <li>{t('pairing.stepEnter')}</li>
          <li>
            {t('pairing.stepOneLink')} <code className="page-url">{`${pageUrl}#pair=${token}`}</code>
          </li>
          <li>{t('pairing.stepDesktop')}</li>
          <li>{t('pairing.stepLost')}</li>
        </ol>
      ) : (
        <p>{t('pairing.counterNote')}</p>
      )}
      <div className="form-actions">
        <button type="button" className="secondary" onClick={onClose}>{t('pairing.done')}</button>
      </div>
    </section>
  );
}
