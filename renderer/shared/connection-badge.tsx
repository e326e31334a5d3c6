import { useT } from './use-t';
import type { ConnectionState } from './events-socket';

/** Whether this page hears the host's live events right now. */
export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const { t } = useT();
  const text = state === 'open' ? t('connection.open') : state === 'connecting' ? t('connection.connecting') : t('connection.closed');
  return (
    <span className={`connection-badge state-${state}`} data-testid="connection-state" data-state={state} role="status">
      <span className="dot" aria-hidden="true" />
      {text}
    </span>
  );
}
