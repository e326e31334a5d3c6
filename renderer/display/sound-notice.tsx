// The one line a browser display shows while its voice waits for a first click: how to turn it on
// now, and the exact line that starts this page on a wall TV with its voice on from the start.
import { useT } from '../shared/use-t';

/** `chromium … --kiosk <this page>`: the page's own address, so the admin can copy it as it stands. */
export function kioskLaunchLine(location: Pick<Location, 'origin' | 'pathname'>): string {
  return `chromium --autoplay-policy=no-user-gesture-required --kiosk ${location.origin}${location.pathname}`;
}

export function SoundNotice({ onEnable }: { onEnable: () => void }) {
  const { t } = useT();
  return (
    <div className="display-sound-notice" role="status" data-testid="display-sound-notice">
      <button type="button" className="display-sound-enable" data-testid="display-enable-voice" onClick={onEnable}>
        {t('voice.enable')}
      </button>
      <span className="display-sound-why">{t('voice.blockedWhy')}</span>
      <code className="display-sound-line" data-testid="display-launch-line">{kioskLaunchLine(window.location)}</code>
    </div>
  );
}
